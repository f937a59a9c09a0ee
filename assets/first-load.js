// The hosted build's second stage (docs/loading.md). The page boots the lite
// app (library, reader, tours); this script fetches the full app (search,
// segmentation, Traditional→Simplified, comparison, import) when the lite
// app asks for it, and otherwise compiles it once the browser has been idle
// for a while, so that the hand-over is quick when it comes.
//
// Protocol with the apps (src/hand_over.rs), all window events:
//   policy-explorer:need-full-app    lite app → here: a route needs the full app
//   policy-explorer:release-lite-app here → lite app: unmount now, the full app starts
//   policy-explorer:full-app-failed  here → lite app: say so; reading keeps working
// If the full app fails to start after the lite app has unmounted, this
// script puts the error in the page itself (showStartFailed).
//
// The full app's glue and wasm are named by <meta name="policy-explorer-full-app">,
// written by `cargo xtask dist`. A classic script: no inline code, so it runs
// under the strict Content-Security-Policy (dynamic import() and compiling wasm
// are allowed by script-src 'self' 'wasm-unsafe-eval').
(function () {
  'use strict';
  var NEED = 'policy-explorer:need-full-app';
  var RELEASE = 'policy-explorer:release-lite-app';
  var FAILED = 'policy-explorer:full-app-failed';
  // Compile the full app in the background only after the first visit has
  // settled: the first load must stay the lite app alone.
  var IDLE_AFTER_MS = 10000;

  var meta = document.querySelector('meta[name="policy-explorer-full-app"]');
  if (!meta) return;
  var glueUrl = new URL(meta.getAttribute('data-glue'), document.baseURI).href;
  var wasmUrl = new URL(meta.getAttribute('data-wasm'), document.baseURI).href;

  var compiled = null;
  var handedOver = false;
  var handing = false;

  // The glue module and the compiled wasm module; a failure forgets the
  // attempt so that "try again" fetches again.
  function compile() {
    if (!compiled) {
      var wasm = fetch(wasmUrl, { credentials: 'same-origin' }).then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + wasmUrl);
        return response.arrayBuffer();
      }).then(function (bytes) {
        return WebAssembly.compile(bytes);
      });
      compiled = Promise.all([import(glueUrl), wasm]);
      compiled.catch(function () {
        compiled = null;
      });
    }
    return compiled;
  }

  function restoreScroll(x, y) {
    // After the full app's first render and its own effects.
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        window.scrollTo(x, y);
      });
    });
  }

  function handOver() {
    if (handedOver || handing) return;
    handing = true;
    compile()
      .then(function (parts) {
        handedOver = true;
        var x = window.scrollX;
        var y = window.scrollY;
        // Synchronous: the lite app unmounts and leaves its state before
        // the full app's start reads it.
        window.dispatchEvent(new Event(RELEASE));
        return parts[0].default({ module_or_path: parts[1] }).then(function () {
          document.documentElement.setAttribute('data-app', 'full');
          restoreScroll(x, y);
        });
      })
      .catch(function (error) {
        handing = false;
        console.warn('policy-explorer: the full app could not be loaded:', error);
        if (!handedOver) window.dispatchEvent(new Event(FAILED));
        else showStartFailed();
      });
  }

  // The full app failed to start after the lite app had unmounted: nothing
  // is left on the page to say so. The alert is assets/boot-watch.js's, with
  // a reload (the URL holds the route).
  function showStartFailed() {
    if (typeof window.policyExplorerBootError !== 'function') return;
    var reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'button boot-error__reload';
    reload.textContent = '重新加载 · Reload';
    reload.addEventListener('click', function () {
      window.location.reload();
    });
    window.policyExplorerBootError('full-app-start', [
      ['zh-CN', '检索与比较功能未能启动，页面需要重新加载。'],
      ['en', 'Search and comparison could not start; the page needs to be reloaded.'],
    ], reload);
    document.documentElement.setAttribute('data-app', 'failed');
  }

  window.addEventListener(NEED, handOver);

  // Background compile once idle (no hand-over: that waits for a need).
  addEventListener('TrunkApplicationStarted', function () {
    document.documentElement.setAttribute('data-app', 'lite');
    setTimeout(function () {
      var start = function () {
        compile().catch(function () {});
      };
      if (window.requestIdleCallback) window.requestIdleCallback(start, { timeout: 5000 });
      else start();
    }, IDLE_AFTER_MS);
  });
})();
