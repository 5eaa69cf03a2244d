// Print buttons (data-print) without inline handlers, which the Content-Security-Policy forbids.
document.addEventListener('click', function (e) {
    if (e.target instanceof Element && e.target.closest('[data-print]')) window.print();
});
