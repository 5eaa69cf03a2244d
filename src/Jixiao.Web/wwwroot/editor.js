// The form editor's browser side. Two jobs the live connection cannot do alone:
// 1. Text cells. Every keystroke is kept in localStorage (per form) until the server has saved it, so a dropped
//    connection, a crash or a reload loses nothing. Short text goes to the server as it is typed; long text is
//    pulled by the server as a stream (sent in chunks), because one SignalR message has a size limit (32 KB) and a
//    message over it silently kills the connection.
// 2. Links. Enhanced navigation does not ask the editor before leaving, so a click on any link while the page holds
//    unsaved edits asks first.
// 3. The sheet as a spreadsheet: Enter and the arrow keys move between cells, Ctrl+S saves, Ctrl+Z undoes the last
//    edits (the server keeps the history), a block copied from Excel or WPS pastes into the indicator rows (the server
//    parses it and adds rows; each value is then put in its cell as if typed, so every cell checks it the usual way),
//    and amounts show thousands separators while not being edited.
window.jixiao = (() => {
    const shortText = 2000;   // characters: well under one SignalR message even when every character is escaped
    const longDelay = 200;    // ms of quiet before a long text is pulled
    const cells = new Map();  // element -> { ref, seq, timer }
    let form = null;          // { id, revision }

    const storageKey = id => `jixiao:unsaved:${id}`;

    function readStore(id) {
        try { return JSON.parse(localStorage.getItem(storageKey(id)) || "null"); } catch { return null; }
    }

    // Cells typed in before the editor said which form this is (the cells attach before or beside it): kept as soon
    // as it does, so typing in the first moments after the page turns editable is not left out of the browser copy.
    const early = new Set();

    function remember(element) {
        if (!element.dataset.textKey) return;
        if (!form) { early.add(element); return; }
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

    // ---- the sheet as a spreadsheet -----------------------------------------------------------------------------

    let editor = null;        // the FormEditor's .NET reference while an editable form is open
    let editorForm = null;    // and its form id: an editor left behind must not detach the next one
    const focusable = "input:not([type=checkbox]):not([disabled]), textarea:not([disabled]), select:not([disabled])";
    const plainNumber = /^-?\d+(\.\d+)?$/;
    const groupedNumber = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

    function grouped(value) {
        if (!plainNumber.test(value)) return value;
        const [whole, fraction] = value.split(".");
        const sign = whole.startsWith("-") ? "-" : "";
        const digits = sign ? whole.slice(1) : whole;
        return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction !== undefined ? "." + fraction : "");
    }

    function ungrouped(value) { return groupedNumber.test(value) ? value.replace(/,/g, "") : value; }

    function cellOf(element) { return element instanceof Element ? element.closest("td") : null; }

    function dataCells(row) { return Array.from(row.children).filter(c => c.tagName === "TD" && !c.classList.contains("actions")); }

    function editable(td) { return td ? td.querySelector(focusable) : null; }

    function go(target) {
        if (!target) return false;
        target.focus();
        if (target.select && target.tagName !== "SELECT") target.select();
        return true;
    }

    // The cell in the same column of the next (or previous) row that has one; finding rows and totals without it are passed over.
    function vertical(td, step) {
        const row = td.parentElement;
        const column = dataCells(row).indexOf(td);
        for (let next = step > 0 ? row.nextElementSibling : row.previousElementSibling; next; next = step > 0 ? next.nextElementSibling : next.previousElementSibling) {
            const target = editable(dataCells(next)[column]);
            if (target) return target;
        }
        return null;
    }

    function horizontal(td, step) {
        const cells = dataCells(td.parentElement);
        for (let i = cells.indexOf(td) + step; i >= 0 && i < cells.length; i += step) {
            const target = editable(cells[i]);
            if (target) return target;
        }
        return null;
    }

    function caretAt(element, end) {
        if (element.tagName === "SELECT" || typeof element.selectionStart !== "number") return true;
        // The whole content selected (as after moving into the cell) is Excel's ready mode: arrows leave the cell.
        if (element.selectionStart === 0 && element.selectionEnd === element.value.length) return true;
        if (element.selectionStart !== element.selectionEnd) return false;
        return end ? element.selectionEnd === element.value.length : element.selectionStart === 0;
    }

    function onFirstLine(element) { return element.value.lastIndexOf("\n", element.selectionStart - 1) < 0; }

    function onLastLine(element) { return element.value.indexOf("\n", element.selectionEnd) < 0; }

    document.addEventListener("keydown", event => {
        const ctrl = event.ctrlKey || event.metaKey;
        if (editor && ctrl && !event.altKey && (event.key === "s" || event.key === "S")) {
            event.preventDefault();
            editor.invokeMethodAsync("SaveNow").catch(e => console.error("jixiao: save by keyboard failed", e));
            return;
        }
        const target = event.target;
        if (!(target instanceof Element) || !target.closest(".sheet")) return;
        if (editor && ctrl && !event.shiftKey && !event.altKey && (event.key === "z" || event.key === "Z")) {
            event.preventDefault();
            const ref = editor;
            jixiao.text.flush().then(() => ref.invokeMethodAsync("Undo")).catch(() => { });
            return;
        }
        if (ctrl || event.altKey || !target.matches(focusable)) return;
        const td = cellOf(target);
        if (!td) return;
        const multiline = target.tagName === "TEXTAREA";
        let moved = false;
        switch (event.key) {
            case "Enter":
                if (multiline || target.tagName === "SELECT") return;
                moved = go(vertical(td, event.shiftKey ? -1 : 1));
                if (!moved) { event.preventDefault(); return; }
                break;
            case "ArrowDown":
                if (multiline && !onLastLine(target)) return;
                moved = go(vertical(td, 1));
                if (target.tagName === "SELECT") { event.preventDefault(); return; }
                break;
            case "ArrowUp":
                if (multiline && !onFirstLine(target)) return;
                moved = go(vertical(td, -1));
                if (target.tagName === "SELECT") { event.preventDefault(); return; }
                break;
            case "ArrowRight":
                if (!caretAt(target, true)) return;
                moved = go(horizontal(td, 1));
                break;
            case "ArrowLeft":
                if (!caretAt(target, false)) return;
                moved = go(horizontal(td, -1));
                break;
            default:
                return;
        }
        if (moved) event.preventDefault();
    });

    // Amounts: separators while not being edited, the bare number while typing.
    // The separators go as soon as the amount is edited (not on focus: changing the value while focus arrives loses
    // the selection a Tab or a click made). The selection keeps its place among the digits, so typing over a selected
    // amount replaces it and a caret inside it edits the digit it was next to.
    document.addEventListener("beforeinput", event => {
        const t = event.target;
        if (!(t instanceof HTMLInputElement) || t.dataset.money === undefined) return;
        const before = t.value;
        const after = ungrouped(before);
        if (after === before) return;
        const digits = i => before.slice(0, i ?? before.length).replace(/,/g, "").length;
        const start = digits(t.selectionStart);
        const end = digits(t.selectionEnd);
        t.value = after;
        t.setSelectionRange(start, end);
    }, true);
    document.addEventListener("focusout", event => {
        const t = event.target;
        if (t instanceof HTMLInputElement && t.dataset.money !== undefined && t.getAttribute("aria-invalid") !== "true") t.value = grouped(t.value);
    });

    function pause(ms) { return new Promise(resolve => setTimeout(resolve, ms)); }

    // Waits until the rows the server added are on the page with their text cells attached (at most ~5 s).
    async function rowsReady(table, last) {
        for (let i = 0; i < 250; i++) {
            const row = table.querySelector(`tr[data-indicator-row='${last}']`);
            if (row) {
                const texts = Array.from(row.querySelectorAll("[data-text-key]"));
                if (texts.every(e => cells.has(e) && !e.disabled)) return true;
            }
            await pause(20);
        }
        return false;
    }

    function put(element, value, row, grid) {
        if (element.tagName === "SELECT") {
            const wanted = value.trim();
            const option = Array.from(element.options).find(o => o.text.trim() === wanted || o.value === wanted);
            if (!option) { grid.invokeMethodAsync("Refuse", row, value).catch(() => { }); return; }
            if (element.value !== option.value) {
                element.value = option.value;
                element.dispatchEvent(new Event("change", { bubbles: true }));
            }
            return;
        }
        element.value = value;
        element.dispatchEvent(new Event("input", { bubbles: true }));
    }

    async function paste(event, table, grid) {
        const target = event.target;
        if (!(target instanceof Element) || !target.matches(focusable)) return;
        const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
        // One value (perhaps with the line end Excel adds) pastes natively into the cell.
        const body = text.replace(/\r?\n$/, "");
        if (!body.includes("\t") && !body.includes("\n") && !body.includes("\r")) return;
        const td = cellOf(target);
        const tr = td && td.closest("tr[data-indicator-row]");
        if (!tr) return;
        event.preventDefault();
        const start = Number(tr.dataset.indicatorRow);
        const column = dataCells(tr).indexOf(td);
        // The whole paste is one step to undo, however long its values take to reach the server: each value arrives as
        // an edit of its own, and on a loaded machine two of them came more than a burst apart (FormEditor.Burst), so
        // Ctrl+Z took back half a paste.
        const step = editor;
        if (step) await step.invokeMethodAsync("BeginStep");
        try {
            const values = await grid.invokeMethodAsync("Paste", start, DotNet.createJSStreamReference(new TextEncoder().encode(text)));
            if (!values || values.length === 0) return;
            await rowsReady(table, start + values.length - 1);
            values.forEach((line, r) => {
                const row = table.querySelector(`tr[data-indicator-row='${start + r}']`);
                if (!row) return;
                const targets = dataCells(row).slice(column).map(editable).filter(e => e);
                line.forEach((value, c) => { if (c < targets.length) put(targets[c], value, start + r, grid); });
            });
            await jixiao.text.flush();
            grid.invokeMethodAsync("Pasted", values.length, Math.max(...values.map(l => l.length))).catch(() => { });
        } finally {
            if (step) step.invokeMethodAsync("EndStep").catch(() => { });
        }
    }

    return {
        editor: {
            attach(ref, id) { editor = ref; editorForm = id; },
            detach(id) { if (editorForm === id) { editor = null; editorForm = null; } },
        },
        grid: {
            attach(table, ref) {
                table.addEventListener("paste", event => { paste(event, table, ref).catch(() => { }); });
            },
        },
        cell: {
            // The server sets a number cell (undo, fill, a row moved): shown grouped unless it is being edited.
            set(element, value) {
                const shown = element.dataset.money !== undefined && document.activeElement !== element ? grouped(value) : value;
                if (element.value !== shown) element.value = shown;
            },
        },
        text: {
            // serverValue: what the server rendered. Text typed between the cell turning editable and this listener
            // being attached fired no handled input event; it is sent now instead of being silently dropped.
            attach(element, ref, serverValue) {
                const server = typeof serverValue === "string" ? serverValue.replace(/\r\n/g, "\n") : null;
                cells.set(element, { ref, seq: 0, acked: 0, timer: null, server });
                element.addEventListener("input", () => changed(element));
                count(element);
                if (server !== null && element.value !== server) changed(element);
            },
            detach(element) {
                const state = cells.get(element);
                if (state) clearTimeout(state.timer);
                cells.delete(element);
            },
            // The server sets a cell (another version taken, rows reordered): no input event, nothing remembered.
            set(element, value) {
                if (element.value !== value) element.value = value;
                const state = cells.get(element);
                if (state) state.server = value;
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
            begin(id, revision) {
                form = { id, revision };
                for (const element of early) if (element.isConnected) remember(element);
                early.clear();
            },
            saved(id, revision) {
                localStorage.removeItem(storageKey(id));
                if (form && form.id === id) form.revision = revision;
            },
            // Fields kept in this browser that this page does not show. The copy is dropped only when the server
            // already has every kept text: text typed on this page before it named its form is kept, not offered.
            unsaved(id) {
                const stored = readStore(id);
                if (!stored) return null;
                let pending = false;
                const fields = [];
                for (const [key, value] of Object.entries(stored.fields)) {
                    const element = document.querySelector(`[data-text-key="${CSS.escape(key)}"]`);
                    if (!element) continue;
                    const state = cells.get(element);
                    const server = state && state.server !== null ? state.server : element.value;
                    if (value !== server) pending = true;
                    if (element.value !== value) fields.push(key);
                }
                if (!pending) { localStorage.removeItem(storageKey(id)); return null; }
                return fields.length === 0 ? null : { revision: stored.revision, at: stored.at, fields };
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
