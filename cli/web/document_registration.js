// The secretariat registers a document by its text: pick the .txt file (or
// paste it), send it, and see how many tasks it gave. The board refreshes
// from the event stream like for any other change.
import { h } from './dom.js';

export class DocumentRegistration {
  constructor(context) {
    this.context = context;
    this.file = h('input', { id: 'register-file', type: 'file', accept: '.txt,text/plain',
      dataset: { testid: 'register-file' }, onchange: () => this.readFile() });
    this.source = h('input', { id: 'register-source', type: 'text', required: true,
      placeholder: 'vd. 281-CV-HU.txt', dataset: { testid: 'register-source' } });
    this.text = h('textarea', { id: 'register-text', rows: 8, required: true,
      dataset: { testid: 'register-text' } });
    this.submit = h('button', { type: 'submit', class: 'button primary', dataset: { testid: 'register-submit' } },
      'Đăng ký văn bản');
    this.result = h('p', { class: 'register-result', 'aria-live': 'polite', dataset: { testid: 'register-result' } });
    this.element = h('details', { class: 'panel register', dataset: { testid: 'register-panel' } },
      h('summary', { class: 'panel-title' }, 'Đăng ký văn bản mới'),
      h('form', { class: 'register-form', onsubmit: (event) => this.send(event) },
        h('div', { class: 'field' }, h('label', { for: 'register-file' }, 'Tệp văn bản (UTF-8, .txt)'), this.file),
        h('div', { class: 'field' }, h('label', { for: 'register-source' }, 'Tên nguồn'), this.source),
        h('div', { class: 'field wide' }, h('label', { for: 'register-text' }, 'Nội dung văn bản'), this.text),
        h('div', { class: 'form-buttons' }, this.submit, this.result)));
  }

  async readFile() {
    const file = this.file.files[0];
    if (!file) return;
    this.text.value = await file.text();
    if (!this.source.value) this.source.value = file.name;
  }

  async send(event) {
    event.preventDefault();
    this.submit.disabled = true;
    this.result.textContent = '';
    try {
      const answer = await this.context.api.post('/api/documents',
        { text: this.text.value, source: this.source.value.trim() });
      const tasks = (answer && answer.tasks) || [];
      const id = answer && (answer.document && answer.document.id ? answer.document.id : answer.document);
      this.result.textContent = answer && answer.already_registered
        ? 'Văn bản này đã được đăng ký trước đây; không có gì thay đổi.'
        : `Đã đăng ký ${typeof id === 'string' ? id : 'văn bản'} với ${tasks.length} nhiệm vụ.`;
      const warnings = (answer && answer.warnings) || [];
      if (warnings.length) this.result.textContent += ` ${warnings.length} cảnh báo khi đọc văn bản.`;
      this.text.value = '';
      this.source.value = '';
      this.file.value = '';
    } catch (error) {
      this.context.showError(error);
    } finally {
      this.submit.disabled = false;
    }
  }
}
