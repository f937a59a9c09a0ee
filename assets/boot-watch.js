// Start-up watchdog, a classic script outside the app (it must work when
// the app's own code cannot load). If the module loader, the wasm-bindgen
// glue or the .wasm fails to load — typically the hosted build embedded in
// an <iframe sandbox="allow-scripts"> on a server that does not send
// Access-Control-Allow-Origin: the frame has an opaque origin, so its module
// scripts and wasm are cross-origin requests — or the app has not started
// after a while, the loading message is replaced by the reason, in Chinese
// and English. Text only (textContent), no inline styles: it runs under the
// strict Content-Security-Policy. The app replaces #app's content when it
// starts; the watchdog then does nothing. See docs/embedding.md.
(function () {
  'use strict';
  var TIMEOUT_MS = 20000;
  var shown = false;

  function started() {
    var app = document.getElementById('app');
    return !app || !app.querySelector('.boot-message');
  }

  // Replaces #app's content with an alert: `lines` are [lang, text] pairs,
  // `extra` (an element, optional) goes under them. assets/first-load.js
  // calls it too (window.policyExplorerBootError), when the full app fails
  // to start after the lite app has unmounted.
  function showAlert(reason, lines, extra) {
    // Once shown, the watchdog's own checks leave it alone.
    shown = true;
    var app = document.getElementById('app');
    var box = document.createElement('div');
    box.id = 'boot-error';
    box.className = 'boot-error';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-reason', reason);
    for (var i = 0; i < lines.length; i += 1) {
      var p = document.createElement('p');
      p.className = 'boot-message';
      p.lang = lines[i][0];
      p.textContent = lines[i][1];
      box.appendChild(p);
    }
    if (extra) box.appendChild(extra);
    if (app) {
      app.textContent = '';
      app.appendChild(box);
    }
    // The marker tests and embedding pages can wait for.
    if (document.body) document.body.setAttribute('data-ready', 'boot-error');
  }
  window.policyExplorerBootError = showAlert;

  function show(kind) {
    if (shown || started()) return;
    var lines =
      kind === 'load'
        ? [
            ['zh-CN', '无法启动：浏览器没能加载本应用的程序文件（.js / .wasm）。如果本页嵌在 sandbox="allow-scripts" 的 <iframe> 中，托管服务器必须对这些文件发送 “Access-Control-Allow-Origin: *” 响应头（或者在 sandbox 中加上 allow-same-origin）。详见 docs/embedding.md。'],
            ['en', 'The app could not start: the browser could not load its code (.js / .wasm). If this page is embedded in an <iframe sandbox="allow-scripts">, the server hosting it must send “Access-Control-Allow-Origin: *” with these files (or the sandbox must add allow-same-origin). See docs/embedding.md.'],
          ]
        : [
            ['zh-CN', '应用迟迟未能启动。请刷新页面；如果本页嵌在其他网页中，请检查托管服务器是否发送 “Access-Control-Allow-Origin: *” 响应头（见 docs/embedding.md）。'],
            ['en', 'The app has not started. Reload the page; if it is embedded in another page, check that the server hosting it sends “Access-Control-Allow-Origin: *” (see docs/embedding.md).'],
          ];
    showAlert(kind, lines);
  }

  // Load errors of <script> and <link> elements do not bubble: listen in
  // the capture phase.
  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (target && target !== window && (target.tagName === 'SCRIPT' || target.tagName === 'LINK')) {
        if (target.rel === 'stylesheet' || target.rel === 'icon') return;
        show('load');
      }
    },
    true,
  );
  window.addEventListener('unhandledrejection', function () {
    setTimeout(function () {
      show('load');
    }, 0);
  });
  setTimeout(function () {
    show('timeout');
  }, TIMEOUT_MS);
})();
