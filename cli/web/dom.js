// Building the page from data without innerHTML, so text from documents and
// notes is always shown as text, never run as markup.

// h('td', {class: 'x', dataset: {testid: 'y'}}, 'text', childNode, [more])
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

// data-testid="..." selector, for the page's own lookups too.
export function byTestId(id, root = document) {
  return root.querySelector(`[data-testid="${CSS.escape(id)}"]`);
}

// Marks a row or card that just changed (from the live stream) with a short
// highlight.
export function flash(element) {
  element.classList.remove('flash');
  void element.offsetWidth;  // restart the animation
  element.classList.add('flash');
}
