/**
 * The REST API's front door ({@code /api/v1}): controllers and their request and response records, calling the
 * same public services the web pages call, never a repository and never a rule of their own.
 *
 * <p>How a resource is added: a {@code @RestController} here under {@link org.guichet.api.ApiPaths#V1}, each
 * method carrying the scope it needs ({@link org.guichet.api.ReadScope}, {@link org.guichet.api.WriteScope},
 * {@link org.guichet.api.CheckInScope}; {@link org.guichet.api.VerifiedAccount} where the web asks for a proved
 * address), the signed-in account taken as {@code @AuthenticationPrincipal AccountPrincipal}. Lists answer a
 * {@link org.guichet.api.PageResponse} built from the service's {@code Page} and a {@link org.guichet.api.PageQuery}.
 * Errors are thrown as the services throw them ({@link org.guichet.shared.NotFound},
 * {@link org.guichet.shared.Refusal}, {@link org.guichet.limits.TooManyRequests}) and {@link
 * org.guichet.api.ApiExceptionAdvice} answers each as {@code application/problem+json} ({@link
 * org.guichet.api.ProblemType}). Request bodies are records in this package: an unknown field in them is refused.
 */
package org.guichet.api;
