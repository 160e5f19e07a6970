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

// Copy buttons: <button data-copy-target="input-id" data-copied-label="Copied">.
document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-copy-target]');
    if (!button) {
        return;
    }
    const field = document.getElementById(button.dataset.copyTarget);
    if (!field) {
        return;
    }
    field.select();
    navigator.clipboard.writeText(field.value).then(() => {
        const label = button.textContent;
        button.textContent = button.dataset.copiedLabel || label;
        setTimeout(() => { button.textContent = label; }, 2000);
    });
});

// A rate limit's refusal (429) to an htmx request: htmx swaps nothing on an error, so its message (the refusal
// fragment the server sends) is shown right after the element that asked, replacing an earlier one.
document.addEventListener('htmx:responseError', (event) => {
    const xhr = event.detail.xhr;
    if (!xhr || xhr.status !== 429) {
        return;
    }
    const holder = document.createElement('template');
    holder.innerHTML = xhr.responseText;
    const message = holder.content.firstElementChild;
    if (!message) {
        return;
    }
    message.id = 'rate-limit-refusal';
    const earlier = document.getElementById(message.id);
    if (earlier) {
        earlier.remove();
    }
    event.detail.elt.insertAdjacentElement('afterend', message);
});
