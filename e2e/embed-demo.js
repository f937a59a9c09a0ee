// The host side of the embedding protocol (docs/embedding.md).
//
// Trust: a message is handled only if its source is one of OUR iframes'
// windows (event.source === frame.contentWindow). The origin cannot be used
// for that here: a frame sandboxed without allow-same-origin has the opaque
// origin "null". Data is checked field by field and only ever written as
// text (textContent), never as markup.

const params = new URLSearchParams(location.search);
// The explorer to embed: ?app=<url>, else the offline single file next to
// this repository's dist/ (works when this page is opened by double-click).
const appUrl = new URL(params.get('app') ?? '../dist/policy-explorer.html', location.href);
const SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';
const MIN_HEIGHT = 120;
const MAX_HEIGHT = 4000;

const frames = new Map(); // contentWindow -> panel state

function embedSrc(route) {
  const url = new URL(appUrl);
  url.searchParams.set('embed', '1');
  url.hash = route;
  return url.href;
}

function log(text) {
  const item = document.createElement('li');
  item.textContent = text;
  const list = document.getElementById('demo-log');
  list.append(item);
  list.scrollTop = list.scrollHeight;
}

for (const panel of document.querySelectorAll('.demo-panel')) {
  const frame = document.createElement('iframe');
  frame.src = embedSrc(panel.dataset.route);
  frame.title = panel.dataset.title;
  frame.setAttribute('sandbox', SANDBOX);
  frame.height = '480';
  panel.querySelector('.demo-controls').after(frame);
  const state = {
    panel,
    frame,
    route: panel.querySelector('.demo-route'),
    height: panel.querySelector('.demo-height'),
    resizes: 0,
  };
  panel.dataset.resizes = '0';
  frames.set(frame.contentWindow, state);
  for (const button of panel.querySelectorAll('button[data-navigate]')) {
    button.addEventListener('click', () => {
      frame.contentWindow.postMessage(
        { type: 'policy-explorer:navigate', route: button.dataset.navigate },
        '*', // the frame's origin is opaque ("null"): "*" is the only target that reaches it
      );
    });
  }
}

window.addEventListener('message', (event) => {
  const state = frames.get(event.source);
  if (!state) return; // not one of our frames
  const data = event.data;
  if (typeof data !== 'object' || data === null) return;
  if (data.type === 'policy-explorer:resize' && Number.isFinite(data.height)) {
    const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height)));
    state.frame.height = String(height);
    state.height.textContent = `${height}px`;
    state.resizes += 1;
    state.panel.dataset.resizes = String(state.resizes);
    state.panel.dataset.height = String(height);
    log(`${state.panel.id}: resize ${height}`);
  } else if (data.type === 'policy-explorer:route' && typeof data.route === 'string') {
    const route = data.route.slice(0, 600);
    state.route.textContent = route;
    state.panel.dataset.currentRoute = route;
    log(`${state.panel.id}: route ${route}`);
  }
});
