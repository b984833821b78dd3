// The server's live event stream (GET /api/events, Server-Sent Events) read
// with fetch(): EventSource cannot send the Authorization header. Reconnects
// on its own (1 s, doubling to 30 s), resuming after the last event seen with
// Last-Event-ID; stops for good on 401/403 (the token is no longer valid).

export function openEventStream({ url, token, onEvent, onState }) {
  const controller = new AbortController();
  let stopped = false;
  let lastEventId = null;

  async function readOnce() {
    const headers = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
    if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch(url, { headers, cache: 'no-store', signal: controller.signal });
    if (response.status === 401 || response.status === 403) {
      stopped = true;
      onState('refused');
      return;
    }
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    onState('open');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer = (buffer + value).replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  // One block of "field: value" lines; ":" lines are keep-alive comments.
  function dispatch(block) {
    let type = 'message';
    let id = null;
    const data = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (id !== null) lastEventId = id;
    if (data.length === 0) return;
    let payload;
    try {
      payload = JSON.parse(data.join('\n'));
    } catch {
      payload = { raw: data.join('\n') };
    }
    onEvent({ type, id, data: payload });
  }

  (async () => {
    let delay = 1000;
    while (!stopped) {
      onState('connecting');
      try {
        await readOnce();
        delay = 1000;
      } catch {
        if (stopped) return;
      }
      if (stopped) return;
      onState('closed');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30000);
    }
  })();

  return {
    close() {
      stopped = true;
      controller.abort();
    },
  };
}
