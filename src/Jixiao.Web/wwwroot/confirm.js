// Buttons that ask first (data-confirm="…"): approve, publish, bulk actions. Without inline handlers, which the
// Content-Security-Policy forbids. Listening on window in the capture phase runs before Blazor's own handlers, so a
// "cancel" stops the click for live and static pages alike.
window.addEventListener('click', function (e) {
    var button = e.target instanceof Element ? e.target.closest('[data-confirm]') : null;
    if (button && !button.disabled && !window.confirm(button.getAttribute('data-confirm'))) {
        e.preventDefault();
        e.stopImmediatePropagation();
    }
}, true);
