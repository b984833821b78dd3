// The supervisor's and the secretariat's view: what is overdue first, counts
// by the four categories and "due soon", every task it may read coloured by
// its status, one document's directives x bodies matrix, and counts per
// body. The secretariat also registers documents and approves or returns
// claimed completions here.
import { listOf } from './api.js';
import { openActionDialog } from './action_dialog.js';
import { clear, flash, h } from './dom.js';
import { CATEGORY, DUE_SOON, TASK_ROLE, compareIds, formatDate, statusOf, urgencyOf } from './labels.js';
import { DocumentRegistration } from './document_registration.js';
import { matrixLegend, renderMatrix } from './matrix_panel.js';
import { renderStats } from './stats_table.js';
import { deadlineText, documentDate, documentNumber, stateText, statusBadge } from './task_parts.js';

const OVERDUE_LIMIT = 100;
const TASK_PAGE = 50;            // rows of the task list shown at once ("Xem thêm" adds more)
const REFETCH_ONE_BY_ONE = 20;  // more changed tasks than this: reload the list

// The summary cards, in the order a supervisor reads them; each filters the
// task list. "Trong hạn" here leaves out the due-soon ones, so the cards add
// up to the total.
const CARDS = [
  { key: 'in_progress_overdue', ...CATEGORY.in_progress_overdue, count: (c) => c.in_progress_overdue },
  { key: 'due_soon', ...DUE_SOON, count: (c) => c.due_soon },
  { key: 'in_progress_on_time', ...CATEGORY.in_progress_on_time, count: (c) => c.in_progress_on_time - c.due_soon },
  { key: 'done_on_time', ...CATEGORY.done_on_time, count: (c) => c.done_on_time },
  { key: 'done_late', ...CATEGORY.done_late, count: (c) => c.done_late },
  { key: 'no_deadline', ...CATEGORY.no_deadline, count: (c) => c.no_deadline },
  { key: 'cancelled', ...CATEGORY.cancelled, count: (c) => c.cancelled },
];

export class SupervisorView {
  constructor(context) {
    this.context = context;
    this.secretariat = context.me.role === 'secretariat';
    this.tasks = new Map();
    this.taskTotal = 0;
    this.overdue = { items: [], total: 0 };
    this.stats = null;
    this.documents = [];
    this.selected = null;
    this.matrix = null;
    this.filter = { category: null, text: '' };
    this.shownRows = TASK_PAGE;
    this.build();
  }

  build() {
    const section = (id, title, ...content) => h('section', {
      class: 'panel', 'aria-labelledby': `${id}-title`, dataset: { testid: `${id}-panel` },
    }, h('h2', { id: `${id}-title`, class: 'panel-title' }, title), content);

    this.asOf = h('p', { class: 'as-of', dataset: { testid: 'as-of' } });
    this.cards = h('div', { class: 'summary-cards', role: 'group', 'aria-label': 'Tổng hợp theo tình trạng',
      dataset: { testid: 'summary' } });
    this.overdueBody = h('div', { class: 'table-wrap' });
    this.documentSelect = h('select', { id: 'document-select', dataset: { testid: 'document-select' },
      onchange: () => this.selectDocument(this.documentSelect.value) });
    this.matrixBody = h('div', { class: 'table-wrap', dataset: { testid: 'matrix' } });
    this.statsBody = h('div', { class: 'table-wrap' });
    this.search = h('input', { id: 'task-search', type: 'search', placeholder: 'Mã, cơ quan, văn bản…',
      dataset: { testid: 'task-search' }, oninput: () => {
        this.filter.text = this.search.value.trim().toLowerCase();
        this.shownRows = TASK_PAGE;
        this.renderTasks();
      } });
    this.filterNote = h('p', { class: 'filter-note', 'aria-live': 'polite', dataset: { testid: 'task-filter-note' } });
    this.tasksBody = h('div', { class: 'table-wrap' });

    this.element = h('div', { class: 'view supervisor-view', dataset: { testid: 'supervisor-view' } },
      h('div', { class: 'view-heading' },
        h('h1', {}, this.secretariat ? 'Tổng hợp tình hình thực hiện (Văn phòng)' : 'Tổng hợp tình hình thực hiện'),
        this.asOf),
      this.cards,
      this.secretariat ? new DocumentRegistration(this.context).element : null,
      h('div', { class: 'columns' },
        section('overdue', 'Nhiệm vụ quá hạn', this.overdueBody),
        section('matrix', 'Ma trận thực hiện văn bản',
          h('div', { class: 'toolbar' }, h('label', { for: 'document-select' }, 'Văn bản'), this.documentSelect),
          this.matrixBody, matrixLegend())),
      section('stats', 'Thống kê theo cơ quan, đơn vị', this.statsBody),
      section('tasks', 'Danh sách nhiệm vụ',
        h('div', { class: 'toolbar' }, h('label', { for: 'task-search' }, 'Tìm'), this.search, this.filterNote),
        this.tasksBody));
  }

  async load() {
    await Promise.all([this.loadTasks(), this.loadOverdue(), this.loadStats(), this.loadDocuments()]);
    await Promise.all([this.loadMatrix(), this.loadDirectiveTexts()]);
    this.renderAll();
  }

  // Live changes: the tasks named by the events, then what is computed over
  // all of them (overdue, counts, the matrix when its document changed).
  async refresh(changes) {
    if (changes.all || changes.tasks.size > REFETCH_ONE_BY_ONE
        || [...changes.tasks].some((id) => !this.tasks.has(id))) {
      await this.load();
    } else {
      await Promise.all([
        ...[...changes.tasks].map(async (id) => {
          this.tasks.set(id, await this.context.api.get(`/api/tasks/${encodeURIComponent(id)}`));
        }),
        this.loadOverdue(), this.loadStats(),
        changes.documents.has(this.selected) || changes.tasks.size ? this.loadMatrix() : null,
      ]);
      this.renderAll();
    }
    for (const id of changes.tasks) {
      for (const row of this.element.querySelectorAll(`[data-task="${CSS.escape(id)}"]`)) flash(row);
    }
  }

  async loadTasks() {
    const answer = await this.context.api.get('/api/tasks?limit=10000');
    const tasks = listOf(answer, 'tasks');
    this.tasks = new Map(tasks.map((t) => [t.id, t]));
    this.taskTotal = answer && typeof answer.total === 'number' ? answer.total : tasks.length;
  }

  async loadOverdue() {
    const answer = await this.context.api.get(`/api/overdue?limit=${OVERDUE_LIMIT}`);
    const items = listOf(answer, 'overdue');
    this.overdue = { items, total: answer && typeof answer.total === 'number' ? answer.total : items.length };
  }

  async loadStats() {
    this.stats = await this.context.api.get('/api/stats');
    this.context.rememberNames(this.stats && this.stats.names);
  }

  async loadDocuments() {
    this.documents = listOf(await this.context.api.get('/api/documents'), 'documents')
      .sort((a, b) => compareIds(a.id, b.id));
    if (!this.documents.some((d) => d.id === this.selected)) {
      this.selected = this.documents.length ? this.documents[this.documents.length - 1].id : null;
    }
  }

  async loadMatrix() {
    this.matrix = this.selected
      ? await this.context.api.get(`/api/documents/${encodeURIComponent(this.selected)}/matrix`) : null;
  }

  async loadDirectiveTexts() {
    const ids = new Set([...this.tasks.values()].map((t) => t.document));
    if (this.selected) ids.add(this.selected);
    await Promise.all([...ids].map((id) => this.context.documentOf(id).catch(() => null)));
  }

  async selectDocument(id) {
    this.selected = id;
    try {
      await Promise.all([this.loadMatrix(), this.context.documentOf(id).catch(() => null)]);
      this.renderMatrix();
    } catch (error) {
      this.context.showError(error);
    }
  }

  renderAll() {
    const asOf = (this.stats && this.stats.as_of) || this.context.me.as_of;
    this.asOf.textContent = asOf ? `Số liệu tính đến ngày ${formatDate(asOf)}` : '';
    this.renderCards();
    this.renderOverdue();
    this.renderDocumentPicker();
    this.renderMatrix();
    this.renderStats();
    this.renderTasks();
  }

  renderCards() {
    const total = this.stats && this.stats.total;
    clear(this.cards);
    if (!total) return;
    const card = (key, label, tone, count) => h('button', {
      type: 'button', class: `summary-card tone-${tone}`, 'aria-pressed': String(this.filter.category === key),
      dataset: { testid: `summary-${key || 'all'}` },
      onclick: () => this.filterBy(this.filter.category === key ? null : key),
    }, h('span', { class: 'summary-count' }, String(count)), h('span', { class: 'summary-label' }, label));
    this.cards.append(card(null, 'Tổng số nhiệm vụ', 'total', total.total));
    for (const c of CARDS) {
      if (c.key === 'cancelled' && !total.cancelled) continue;
      this.cards.append(card(c.key, c.label, c.tone, c.count(total)));
    }
  }

  filterBy(category) {
    this.filter.category = category;
    this.shownRows = TASK_PAGE;
    this.renderCards();
    this.renderTasks();
    this.tasksBody.closest('section').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  renderOverdue() {
    const { items, total } = this.overdue;
    clear(this.overdueBody);
    if (items.length === 0) {
      this.overdueBody.append(h('p', { class: 'empty good', dataset: { testid: 'overdue-empty' } },
        'Không có nhiệm vụ nào quá hạn.'));
      return;
    }
    this.overdueBody.append(h('table', { class: 'data-table', dataset: { testid: 'overdue-table' } },
      h('caption', { class: 'visually-hidden' }, 'Nhiệm vụ quá hạn, quá hạn lâu nhất trước'),
      h('thead', {}, h('tr', {}, ['Quá hạn', 'Nhiệm vụ', 'Cơ quan thực hiện', 'Văn bản', 'Hạn', 'Trạng thái']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, items.map((item) => h('tr', {
        dataset: { task: item.task, testid: `overdue-row-${item.task}${item.period ? `-${item.period}` : ''}` },
      },
      h('td', { class: 'days-overdue' }, `${item.days_overdue} ngày`),
      h('th', { scope: 'row' }, item.task, item.period ? h('span', { class: 'sub' }, `Báo cáo kỳ ${item.period}`) : null),
      h('td', {}, this.context.bodyName(item.holder)),
      h('td', {}, this.documentCell(item.document, item.directive)),
      h('td', { class: 'nowrap' }, formatDate(item.due)),
      h('td', {}, this.tasks.has(item.task) ? stateText(this.tasks.get(item.task)) : ''))))));
    if (total > items.length) {
      this.overdueBody.append(h('p', { class: 'filter-note' }, `Hiển thị ${items.length} trên tổng số ${total}.`));
    }
  }

  documentCell(documentId, directive) {
    const doc = this.context.documents.get(documentId) || this.documents.find((d) => d.id === documentId);
    return [h('span', { class: 'nowrap' }, documentNumber(doc, documentId)), h('span', { class: 'sub' }, `mục ${directive}`)];
  }

  renderDocumentPicker() {
    clear(this.documentSelect);
    if (this.documents.length === 0) {
      this.documentSelect.append(h('option', { value: '' }, 'Chưa có văn bản nào'));
      this.documentSelect.disabled = true;
      return;
    }
    this.documentSelect.disabled = false;
    for (const doc of this.documents) {
      const date = documentDate(doc);
      this.documentSelect.append(h('option', { value: doc.id, selected: doc.id === this.selected },
        `${documentNumber(doc, doc.id)}${date ? ` ngày ${date}` : ''}`));
    }
  }

  renderMatrix() {
    renderMatrix(this.matrixBody, this.matrix, this.context);
  }

  renderStats() {
    renderStats(this.statsBody, this.stats, this.context);
  }

  visibleTasks() {
    const text = this.filter.text;
    return [...this.tasks.values()]
      .filter((t) => !this.filter.category || statusOf(t).key === this.filter.category)
      .filter((t) => !text || [t.id, holderOf(t), this.context.bodyName(holderOf(t)),
        documentNumber(this.context.documents.get(t.document), t.document)]
        .some((v) => String(v).toLowerCase().includes(text)))
      .sort((a, b) => urgencyOf(a) - urgencyOf(b)
        || String(a.deadline || '9999').localeCompare(String(b.deadline || '9999'))
        || compareIds(a.id, b.id));
  }

  renderTasks() {
    const tasks = this.visibleTasks();
    const filterLabel = this.filter.category
      ? (CARDS.find((c) => c.key === this.filter.category) || {}).label : null;
    this.filterNote.textContent = [
      `${tasks.length} nhiệm vụ`,
      filterLabel ? `đang lọc: ${filterLabel}` : null,
      this.taskTotal > this.tasks.size ? `(tải ${this.tasks.size} trên tổng số ${this.taskTotal})` : null,
    ].filter(Boolean).join(' · ');
    clear(this.tasksBody);
    if (tasks.length === 0) {
      this.tasksBody.append(h('p', { class: 'empty' }, 'Không có nhiệm vụ phù hợp.'));
      return;
    }
    const headings = ['Nhiệm vụ', 'Văn bản', 'Nội dung', 'Cơ quan thực hiện', 'Hạn', 'Trạng thái', 'Tình trạng'];
    if (this.secretariat) headings.push('Xác nhận');
    const shown = tasks.slice(0, this.shownRows);
    this.tasksBody.append(h('table', { class: 'data-table task-table', dataset: { testid: 'task-table' } },
      h('caption', { class: 'visually-hidden' }, 'Danh sách nhiệm vụ, khẩn cấp nhất trước'),
      h('thead', {}, h('tr', {}, headings.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, shown.map((t) => this.taskRow(t)))));
    if (shown.length < tasks.length) {
      this.tasksBody.append(h('div', { class: 'more' },
        h('span', {}, `Đang hiển thị ${shown.length} trên ${tasks.length} nhiệm vụ.`),
        h('button', { type: 'button', class: 'button', dataset: { testid: 'task-more' }, onclick: () => {
          this.shownRows += TASK_PAGE;
          this.renderTasks();
        } }, `Xem thêm ${Math.min(TASK_PAGE, tasks.length - shown.length)} nhiệm vụ`)));
    }
  }

  taskRow(task) {
    const doc = this.context.documents.get(task.document);
    const row = (doc && doc.directives || []).find((d) => d.path === task.directive);
    const spec = task.spec || {};
    return h('tr', {
      class: `tone-row-${statusOf(task).tone}`,
      dataset: { testid: `task-row-${task.id}`, task: task.id, state: task.state, category: statusOf(task).key },
    },
    h('th', { scope: 'row', class: 'nowrap' }, task.id),
    h('td', {}, this.documentCell(task.document, task.directive)),
    h('td', { class: 'directive-text' }, h('span', { class: 'clamp', title: row ? row.text : '' }, row ? row.text : '')),
    h('td', {}, this.context.bodyName(holderOf(task)),
      h('span', { class: 'sub' }, TASK_ROLE[spec.role] || spec.role || '')),
    h('td', { class: 'nowrap' }, deadlineText(task)),
    h('td', { dataset: { testid: `task-state-${task.id}` } }, stateText(task)),
    h('td', {}, statusBadge(task)),
    this.secretariat ? h('td', {}, this.approvalButtons(task)) : null);
  }

  approvalButtons(task) {
    if (task.state !== 'submitted') return null;
    const post = (action, body, message) => this.context.api
      .post(`/api/tasks/${encodeURIComponent(task.id)}/${action}`, body)
      .then(() => this.context.notify(message));
    return h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'button small primary', dataset: { testid: `approve-${task.id}` },
        onclick: () => openActionDialog({
          title: `Xác nhận hoàn thành — ${task.id}`, intro: task.note ? `Đơn vị báo cáo: ${task.note}` : null,
          fields: { note: { label: 'Ý kiến', required: false } }, submitLabel: 'Xác nhận hoàn thành',
          submit: ({ note }) => post('approve', { note }, `Đã xác nhận hoàn thành ${task.id}.`),
        }) }, 'Duyệt'),
      h('button', { type: 'button', class: 'button small', dataset: { testid: `return-${task.id}` },
        onclick: () => openActionDialog({
          title: `Trả lại — ${task.id}`, intro: task.note ? `Đơn vị báo cáo: ${task.note}` : null,
          fields: { note: { label: 'Lý do trả lại', required: true } }, submitLabel: 'Trả lại',
          submit: ({ note }) => post('return', { reason: note }, `Đã trả lại ${task.id}.`),
        }) }, 'Trả lại'));
  }
}

function holderOf(task) {
  const spec = task.spec || {};
  return spec.body || spec.assignee || '';
}
