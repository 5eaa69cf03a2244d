// The form editor's browser side. Two jobs the live connection cannot do alone:
// 1. Text cells. Every keystroke is kept in localStorage (per form) until the server has saved it, so a dropped
//    connection, a crash or a reload loses nothing. Short text goes to the server as it is typed; long text is
//    pulled by the server as a stream (sent in chunks), because one SignalR message has a size limit (32 KB) and a
//    message over it silently kills the connection.
// 2. Links. Enhanced navigation does not ask the editor before leaving, so a click on any link while the page holds
//    unsaved edits asks first.
window.jixiao = (() => {
    const shortText = 2000;   // characters: well under one SignalR message even when every character is escaped
    const longDelay = 200;    // ms of quiet before a long text is pulled
    const cells = new Map();  // element -> { ref, seq, timer }
    let form = null;          // { id, revision }

    const storageKey = id => `jixiao:unsaved:${id}`;

    function readStore(id) {
        try { return JSON.parse(localStorage.getItem(storageKey(id)) || "null"); } catch { return null; }
    }

    function remember(element) {
        if (!form || !element.dataset.textKey) return;
        const stored = readStore(form.id) || { revision: form.revision, fields: {} };
        stored.revision = form.revision;
        stored.at = new Date().toISOString();
        stored.fields[element.dataset.textKey] = element.value;
        try { localStorage.setItem(storageKey(form.id), JSON.stringify(stored)); } catch { /* storage full: the server copy still follows */ }
    }

    function count(element) {
        const counter = element.parentElement && element.parentElement.querySelector(":scope > .text-count .n");
        if (counter) counter.textContent = element.value.length.toLocaleString("en-US");
    }

    // Returns when the server has taken the text. An invocation caught by a dropped connection may never answer;
    // flush() then sends the cell again rather than wait for it.
    function send(element) {
        const state = cells.get(element);
        if (!state) return Promise.resolve();
        clearTimeout(state.timer);
        state.timer = null;
        const seq = ++state.seq;
        const text = element.value;
        const call = text.length <= shortText
            ? state.ref.invokeMethodAsync("Typed", seq, text)
            : state.ref.invokeMethodAsync("LongTyped", seq);
        return call.then(() => { state.acked = Math.max(state.acked, seq); });
    }

    function changed(element) {
        const state = cells.get(element);
        if (!state) return;
        remember(element);
        count(element);
        if (element.value.length <= shortText) { send(element).catch(() => { }); return; }
        // Tell the server at once that something is unsaved; the text itself follows when typing pauses.
        if (!state.timer) state.ref.invokeMethodAsync("Pending").catch(() => { });
        clearTimeout(state.timer);
        state.timer = setTimeout(() => send(element).catch(() => { }), longDelay);
    }

    // A click on a link while the editor holds unsaved edits: ask first (capture phase, before Blazor's navigation).
    window.addEventListener("click", event => {
        if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
        if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
        if (!document.querySelector("[data-unsaved='true']")) return;
        const href = link.getAttribute("href");
        if (!href || href.startsWith("#")) return;
        if (!confirm("表单有未保存的修改，离开将丢失这些修改。确定离开吗？")) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    return {
        text: {
            attach(element, ref) {
                cells.set(element, { ref, seq: 0, acked: 0, timer: null });
                element.addEventListener("input", () => changed(element));
                count(element);
            },
            detach(element) {
                const state = cells.get(element);
                if (state) clearTimeout(state.timer);
                cells.delete(element);
            },
            // The server sets a cell (another version taken, rows reordered): no input event, nothing remembered.
            set(element, value) {
                if (element.value !== value) element.value = value;
                count(element);
            },
            // "seq\ntext" as UTF-8 bytes: the server opens it as a stream, which Blazor sends in chunks.
            read(element) {
                const state = cells.get(element);
                return new TextEncoder().encode(`${state ? state.seq : 0}\n${element.value}`);
            },
            // Everything typed is on the server when this resolves (called before a save).
            async flush() {
                const waits = [];
                for (const [element, state] of cells) if (state.timer || state.acked < state.seq) waits.push(send(element));
                await Promise.allSettled(waits);
            },
        },
        form: {
            begin(id, revision) { form = { id, revision }; },
            saved(id, revision) {
                localStorage.removeItem(storageKey(id));
                if (form && form.id === id) form.revision = revision;
            },
            // Fields kept in this browser whose text differs from what the server has.
            unsaved(id) {
                const stored = readStore(id);
                if (!stored) return null;
                const fields = Object.entries(stored.fields).filter(([key, value]) => {
                    const element = document.querySelector(`[data-text-key="${CSS.escape(key)}"]`);
                    return element && element.value !== value;
                }).map(([key]) => key);
                if (fields.length === 0) { localStorage.removeItem(storageKey(id)); return null; }
                return { revision: stored.revision, at: stored.at, fields };
            },
            restore(id) {
                const stored = readStore(id);
                if (!stored) return 0;
                let restored = 0;
                for (const [key, value] of Object.entries(stored.fields)) {
                    const element = document.querySelector(`[data-text-key="${CSS.escape(key)}"]`);
                    if (!element || element.value === value) continue;
                    element.value = value;
                    changed(element);
                    restored++;
                }
                return restored;
            },
            discard(id) { localStorage.removeItem(storageKey(id)); },
        },
    };
})();
