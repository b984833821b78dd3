// The JSON API of `cvtrack serve` (README.md, "HTTP API"), with the token of
// the signed-in user. Every failure becomes an ApiError carrying the
// server's own message, for the page to show as it is.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;  // 0 when the server could not be reached
    this.code = code;
  }
}

export class Api {
  constructor(token) {
    this.token = token;
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path, body = {}) {
    return this.request('POST', path, body);
  }

  async request(method, path, body) {
    const headers = { Authorization: `Bearer ${this.token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, {
        method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(0, 'network', `Không kết nối được máy chủ (${error.message}).`);
    }
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) {
      const error = data && data.error;
      throw new ApiError(response.status, (error && error.code) || 'http',
        (error && error.message) || `${response.status} ${response.statusText || 'lỗi máy chủ'}`);
    }
    return data;
  }
}

// A list answer, whether the server sends the array itself or wraps it
// ({"items": […]}, {"tasks": […]}, …) to add paging fields.
export function listOf(data, ...keys) {
  if (Array.isArray(data)) return data;
  for (const key of ['items', ...keys]) if (data && Array.isArray(data[key])) return data[key];
  return [];
}
