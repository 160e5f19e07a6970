// The organizer's dashboard: fill bars, confirmations before cancelling or deleting, and the sales chart.
// No inline script or style anywhere (the CSP forbids them): widths and chart data come from data-* attributes.
document.addEventListener('DOMContentLoaded', () => {
    // Fill bars: <div class="progress" data-fill-percent="42">, stacked in a .progress-stacked.
    document.querySelectorAll('[data-fill-percent]').forEach((bar) => {
        const percent = Math.max(0, Math.min(100, Number(bar.dataset.fillPercent) || 0));
        bar.style.width = percent + '%';
        bar.setAttribute('aria-hidden', 'true');
    });

    const canvas = document.getElementById('sales-chart');
    if (canvas && window.Chart) {
        drawSalesChart(canvas);
    }
});

// Forms that cannot be undone ask first: <form data-confirm="Cancel this event?">.
document.addEventListener('submit', (event) => {
    const form = event.target.closest('form[data-confirm]');
    if (form && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
    }
});

function drawSalesChart(canvas) {
    const data = JSON.parse(canvas.dataset.chart);
    const brand = '#3730a3';
    const lineColours = ['#be185d', '#0f766e', '#b45309', '#1d4ed8', '#4d7c0f'];
    const locale = canvas.dataset.locale || document.documentElement.lang || 'en';
    const datasets = [{
        type: 'bar',
        label: canvas.dataset.labelRegistrations,
        data: data.registrations,
        backgroundColor: 'rgba(55, 48, 163, 0.75)',
        borderColor: brand,
        yAxisID: 'registrations',
        order: 2
    }];
    data.revenue.forEach((series, index) => {
        const colour = lineColours[index % lineColours.length];
        const money = new Intl.NumberFormat(locale, { style: 'currency', currency: series.currency });
        datasets.push({
            type: 'line',
            label: canvas.dataset.labelRevenue.replace('{0}', series.currency),
            // Amounts arrive as exact decimals; drawing them needs no more precision than a number has.
            data: series.data.map(Number),
            borderColor: colour,
            backgroundColor: colour,
            pointRadius: data.labels.length > 60 ? 0 : 3,
            cubicInterpolationMode: 'monotone',
            yAxisID: 'revenue',
            order: 1,
            tooltip: { callbacks: { label: (item) => item.dataset.label + ': ' + money.format(item.parsed.y) } }
        });
    });
    const scales = {
        registrations: {
            type: 'linear', position: 'left', beginAtZero: true,
            ticks: { precision: 0 },
            title: { display: true, text: canvas.dataset.labelRegistrations }
        }
    };
    if (data.revenue.length > 0) {
        const money = new Intl.NumberFormat(locale, {
            style: 'currency', currency: data.revenue[0].currency, maximumFractionDigits: 0
        });
        scales.revenue = {
            type: 'linear', position: 'right', beginAtZero: true,
            grid: { drawOnChartArea: false },
            ticks: { callback: (value) => money.format(value) }
        };
    }
    canvas.chart = new window.Chart(canvas, {
        data: { labels: data.labels, datasets: datasets },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 400 },
            interaction: { mode: 'index', intersect: false },
            plugins: { legend: { position: 'bottom' } },
            scales: scales
        }
    });
}
