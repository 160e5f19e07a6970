// Guichet's only script file besides the WebJars: no inline script anywhere (the CSP forbids it).
document.addEventListener('DOMContentLoaded', () => {
    const token = document.querySelector('meta[name="csrf-token"]');
    const header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
        // htmx requests carry the CSRF token like forms do.
        document.body.addEventListener('htmx:configRequest', (event) => {
            event.detail.headers[header.content] = token.content;
        });
    }
});
