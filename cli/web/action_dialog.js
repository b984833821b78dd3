// A modal form for the task actions that need words or numbers (progress,
// report, completion, approval, return). The action runs on "Gửi"; a refusal
// from the server is shown inside the dialog, which stays open so the user
// can correct it.
import { h } from './dom.js';

// fields: { percent?: number, note?: {label, required}, period?: [{value, label}] }
// submit(values) -> Promise; resolves when the server accepted the action.
export function openActionDialog({ title, intro, fields, submitLabel, submit }) {
  const error = h('p', { class: 'dialog-error', role: 'alert', hidden: true, dataset: { testid: 'dialog-error' } });
  const controls = [];
  const values = {};

  if (fields.percent !== undefined) {
    const input = h('input', {
      id: 'dialog-percent', type: 'number', min: 0, max: 100, step: 5, required: true,
      value: fields.percent, inputmode: 'numeric', dataset: { testid: 'dialog-percent' },
    });
    values.percent = () => Number(input.value);
    controls.push(h('div', { class: 'field' }, h('label', { for: 'dialog-percent' }, 'Tiến độ (%)'), input));
  }
  if (fields.period) {
    const select = h('select', { id: 'dialog-period', dataset: { testid: 'dialog-period' } },
      fields.period.map((p) => h('option', { value: p.value }, p.label)));
    values.period = () => select.value || null;
    controls.push(h('div', { class: 'field' }, h('label', { for: 'dialog-period' }, 'Kỳ báo cáo'), select));
  }
  if (fields.note) {
    const area = h('textarea', {
      id: 'dialog-note', rows: 4, required: fields.note.required, dataset: { testid: 'dialog-note' },
    });
    values.note = () => area.value.trim();
    controls.push(h('div', { class: 'field' },
      h('label', { for: 'dialog-note' }, fields.note.label, fields.note.required ? ' (bắt buộc)' : ''), area));
  }

  const send = h('button', { type: 'submit', class: 'button primary', dataset: { testid: 'dialog-submit' } },
    submitLabel);
  const cancel = h('button', { type: 'button', class: 'button', dataset: { testid: 'dialog-cancel' } }, 'Hủy');
  const form = h('form', { class: 'dialog-form' },
    h('h2', { id: 'dialog-title' }, title),
    intro ? h('p', { class: 'dialog-intro' }, intro) : null,
    controls, error,
    h('div', { class: 'dialog-buttons' }, cancel, send));
  const dialog = h('dialog', { class: 'action-dialog', 'aria-labelledby': 'dialog-title',
    dataset: { testid: 'action-dialog' } }, form);
  document.body.append(dialog);

  return new Promise((resolve) => {
    const close = (result) => {
      dialog.close();
      dialog.remove();
      resolve(result);
    };
    cancel.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(false);
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const collected = Object.fromEntries(Object.entries(values).map(([key, read]) => [key, read()]));
      send.disabled = true;
      error.hidden = true;
      try {
        await submit(collected);
        close(true);
      } catch (failure) {
        error.textContent = failure.status ? `${failure.message} (${failure.status})` : failure.message;
        error.hidden = false;
        send.disabled = false;
      }
    });
    dialog.showModal();
    const first = form.querySelector('input, select, textarea');
    if (first) first.focus();
  });
}
