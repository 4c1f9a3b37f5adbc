// Registers the service worker (sw.js, written by the deploy build) and,
// when a new build's worker is installed, offers it: the page switches only
// when the writer clicks 立即更新. The reload that follows saves the draft
// as any leaving of the page does (the app saves on pagehide).
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  var accepted = false;

  // The offer's words as the app's catalogue gives them for the
  // interface's language (set on <html> once the app has started).
  function word(name, otherwise) {
    return document.documentElement.getAttribute("data-update-" + name) || otherwise;
  }

  function button(text, action, onclick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.setAttribute("data-action", action);
    b.onclick = onclick;
    return b;
  }

  function offer(worker) {
    var old = document.querySelector("[data-update-offer]");
    if (old) old.remove();
    var bar = document.createElement("div");
    bar.className = "update-offer no-print";
    bar.setAttribute("role", "status");
    bar.setAttribute("data-update-offer", "");
    var text = document.createElement("span");
    text.textContent = word("ready", "新版本已就绪。更新时页面会重新载入，草稿会先保存。");
    var yes = button(word("now", "立即更新"), "accept-update", function () {
      accepted = true;
      yes.disabled = true;
      worker.postMessage("activate");
    });
    var no = button(word("later", "稍后"), "dismiss-update", function () {
      bar.remove();
    });
    yes.className = "primary";
    bar.append(text, yes, no);
    // Beside the body, not in it: the app owns the body and empties it when
    // it starts, which may be after this offer appears.
    document.documentElement.append(bar);
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (accepted) location.reload();
  });

  navigator.serviceWorker
    .register("./sw.js")
    .then(function (reg) {
      function watch(worker) {
        if (!worker) return;
        worker.addEventListener("statechange", function () {
          // Without a controller this is the first install, not an update.
          if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
        });
      }
      // Installing first: one that finishes meanwhile is then waiting.
      watch(reg.installing);
      if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
      reg.addEventListener("updatefound", function () {
        watch(reg.installing);
      });
      // A page left open for days still hears of a new build.
      setInterval(function () {
        reg.update().catch(function () {});
      }, 60 * 60 * 1000);
    })
    .catch(function () {});
})();
