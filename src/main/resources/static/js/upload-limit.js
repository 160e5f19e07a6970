// A file input with data-max-bytes refuses a file over that size before anything is sent: the message it carries
// (data-too-large, from the language bundles) shows beside the field, where the server would show its own.
(() => {
    const SELECTOR = 'input[type="file"][data-max-bytes]';

    function feedbackOf(input) {
        const id = input.id + '-error';
        let feedback = document.getElementById(id);
        if (!feedback) {
            feedback = document.createElement('div');
            feedback.id = id;
            feedback.className = 'invalid-feedback';
            (document.getElementById(input.id + '-help') || input).after(feedback);
        }
        return feedback;
    }

    function isTooLarge(input) {
        const limit = Number(input.dataset.maxBytes);
        return Array.from(input.files || []).some((file) => file.size > limit);
    }

    // true when the chosen file may be sent
    function check(input) {
        const feedback = feedbackOf(input);
        if (isTooLarge(input)) {
            feedback.textContent = input.dataset.tooLarge;
            input.classList.add('is-invalid');
            input.setAttribute('aria-invalid', 'true');
            return false;
        }
        if (input.files && input.files.length > 0) {
            // a new choice replaces whatever was said about the previous one
            feedback.textContent = '';
            input.classList.remove('is-invalid');
            input.removeAttribute('aria-invalid');
        }
        return true;
    }

    document.addEventListener('change', (event) => {
        if (event.target.matches(SELECTOR)) {
            check(event.target);
        }
    });

    document.addEventListener('submit', (event) => {
        for (const input of event.target.querySelectorAll(SELECTOR)) {
            if (!check(input)) {
                event.preventDefault();
                input.focus();
                return;
            }
        }
    });
})();
