// The check-in page's camera scanner. The browser's own BarcodeDetector where it reads QR codes, else the
// vendored ZXing WebAssembly ponyfill (loaded from this site only). A code read fills the form and submits it
// through htmx; the same code is not sent again for a few seconds while it stays in front of the camera.
(() => {
    const scanner = document.getElementById('scanner');
    const form = document.getElementById('checkin-form');
    if (!scanner || !form) {
        return;
    }
    const video = document.getElementById('scanner-video');
    const start = document.getElementById('scanner-start');
    const stop = document.getElementById('scanner-stop');
    const status = document.getElementById('scanner-status');
    const input = document.getElementById('checkin-code');
    const REPEAT_PAUSE_MS = 4000;
    let stream = null;
    let lastCode = null;
    let lastAt = 0;
    let running = false;

    const say = (key) => { status.textContent = status.dataset[key] || ''; };

    const loadScript = (src) => new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
    });

    async function detector() {
        if ('BarcodeDetector' in window) {
            try {
                const formats = await window.BarcodeDetector.getSupportedFormats();
                if (formats.includes('qr_code')) {
                    return new window.BarcodeDetector({ formats: ['qr_code'] });
                }
            } catch (ignored) {
                // Fall through to the ponyfill.
            }
        }
        if (!window.BarcodeDetectionAPI) {
            await loadScript(scanner.dataset.polyfill);
        }
        const api = window.BarcodeDetectionAPI;
        api.prepareZXingModule({
            overrides: { locateFile: (path, prefix) => (path.endsWith('.wasm') ? scanner.dataset.wasm : prefix + path) },
        });
        return new api.BarcodeDetector({ formats: ['qr_code'] });
    }

    function submit(code) {
        const now = Date.now();
        if (code === lastCode && now - lastAt < REPEAT_PAUSE_MS) {
            return;
        }
        lastCode = code;
        lastAt = now;
        input.value = code;
        form.requestSubmit();
    }

    async function scan(barcodes) {
        while (running) {
            if (video.readyState >= 2) {
                try {
                    const found = await barcodes.detect(video);
                    const code = found.map((barcode) => barcode.rawValue).find((value) => value && value.startsWith('G1.'));
                    if (code) {
                        submit(code);
                    }
                } catch (ignored) {
                    // A frame that cannot be read is skipped.
                }
            }
            await new Promise((resolve) => setTimeout(resolve, 150));
        }
    }

    async function begin() {
        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
            say('unavailable');
            return;
        }
        try {
            stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        } catch (error) {
            say(error && error.name === 'NotAllowedError' ? 'denied' : 'unavailable');
            return;
        }
        video.srcObject = stream;
        video.classList.remove('d-none');
        start.classList.add('d-none');
        stop.classList.remove('d-none');
        await video.play();
        say('scanning');
        running = true;
        try {
            scan(await detector());
        } catch (error) {
            say('unavailable');
            end();
        }
    }

    function end() {
        running = false;
        if (stream) {
            stream.getTracks().forEach((track) => track.stop());
            stream = null;
        }
        video.classList.add('d-none');
        start.classList.remove('d-none');
        stop.classList.add('d-none');
    }

    start.addEventListener('click', begin);
    stop.addEventListener('click', () => { end(); status.textContent = ''; });

    // After each answer: a short buzz for yes, a long one for no, and the field ready for the next code.
    document.body.addEventListener('htmx:afterSwap', (event) => {
        const answer = document.getElementById('checkin-answer');
        if (!answer || !event.detail.requestConfig || event.detail.requestConfig.verb !== 'post') {
            return;
        }
        const outcome = answer.dataset.outcome;
        if (outcome && navigator.vibrate) {
            navigator.vibrate(outcome === 'CHECKED_IN' ? 120 : [300, 100, 300]);
        }
        if (!running) {
            input.value = '';
            input.focus();
        }
    });
})();
