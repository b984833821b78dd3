// Vietnamese words for what the API returns in English identifiers, and the
// date format people read (dd/mm/yyyy). One place, so every view says the
// same thing the same way.

// The four categories of Vietnamese task statistics, plus the rest
// (engine/task_status.hpp). `tone` picks the colour in board.css.
export const CATEGORY = {
  in_progress_overdue: { label: 'Quá hạn', tone: 'overdue' },
  in_progress_on_time: { label: 'Trong hạn', tone: 'on-time' },
  done_on_time: { label: 'Hoàn thành đúng hạn', tone: 'done' },
  done_late: { label: 'Hoàn thành trễ hạn', tone: 'done-late' },
  no_deadline: { label: 'Không có hạn', tone: 'no-deadline' },
  cancelled: { label: 'Đã hủy', tone: 'cancelled' },
};
export const DUE_SOON = { label: 'Sắp đến hạn', tone: 'due-soon' };

// The task's lifecycle (engine/task_state.hpp).
export const STATE = {
  assigned: 'Mới giao',
  acknowledged: 'Đã tiếp nhận',
  in_progress: 'Đang thực hiện',
  submitted: 'Chờ xác nhận hoàn thành',
  returned: 'Bị trả lại',
  done: 'Hoàn thành',
  cancelled: 'Đã hủy',
};

export const TASK_ROLE = { lead: 'Chủ trì', coordinate: 'Phối hợp', assignee: 'Thực hiện' };

export const RECURRENCE = {
  continuous: 'Thường xuyên',
  daily: 'Hằng ngày',
  weekly: 'Hằng tuần',
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  'half-yearly': '6 tháng',
  yearly: 'Hằng năm',
  'on-event': 'Khi phát sinh',
};

export const USER_ROLE = { unit: 'Đơn vị thực hiện', supervisor: 'Theo dõi, giám sát', secretariat: 'Văn phòng' };

// The matrix symbols of `cvtrack matrix` (engine/supervision.cpp), in the
// order of urgency, with the tone of the category each stands for.
export const MATRIX_SYMBOLS = [
  { symbol: '!', label: 'Quá hạn', tone: 'overdue' },
  { symbol: 's', label: 'Sắp đến hạn', tone: 'due-soon' },
  { symbol: 'o', label: 'Trong hạn', tone: 'on-time' },
  { symbol: '-', label: 'Không có hạn', tone: 'no-deadline' },
  { symbol: 'L', label: 'Hoàn thành trễ hạn', tone: 'done-late' },
  { symbol: 'D', label: 'Hoàn thành đúng hạn', tone: 'done' },
  { symbol: 'x', label: 'Đã hủy', tone: 'cancelled' },
  { symbol: '.', label: 'Không giao', tone: 'none' },
];

// What a task's status reads as: the category, or "due soon" when the API
// flags a task within its deadline as near it.
export function statusOf(task) {
  const status = task.status || {};
  if (status.category === 'in_progress_on_time' && status.due_soon) {
    const left = status.working_days_left;
    return { ...DUE_SOON, key: 'due_soon', detail: left == null ? '' : `còn ${left} ngày làm việc` };
  }
  const category = CATEGORY[status.category] || { label: status.category || 'Không rõ', tone: 'none' };
  const detail = status.category === 'in_progress_overdue' && status.days_overdue
    ? `quá ${status.days_overdue} ngày` : '';
  return { ...category, key: status.category, detail };
}

// Most urgent first: what a supervisor looks at before anything else.
const URGENCY = ['in_progress_overdue', 'due_soon', 'in_progress_on_time', 'no_deadline', 'done_late',
  'done_on_time', 'cancelled'];
export function urgencyOf(task) {
  const at = URGENCY.indexOf(statusOf(task).key);
  return at < 0 ? URGENCY.length : at;
}

// "2021-09-30" -> "30/09/2021"; null -> "—".
export function formatDate(iso) {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

export function formatTime(date) {
  return date.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

// Task ids compare in reading order: T1.2 before T1.10.
export function compareIds(a, b) {
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}
