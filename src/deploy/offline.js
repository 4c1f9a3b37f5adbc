// Registers the service worker (sw.js, written by the deploy build) and,
// when a new build's worker is installed, offers it: the page switches only
// when the writer clicks 立即更新. The reload that follows saves the draft
// as any leaving of the page does (the app saves on pagehide). The offer is
// a bar, not a modal dialog: it comes unasked, maybe while the writer
// types, and needs no answer, so it takes no focus; it is announced
// (role=status), Tab reaches its buttons last, and 稍后 or Escape inside it
// dismisses it and gives the focus back to where it was before.
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
    // The control that had the focus before it came into the bar.
    var before = null;
    bar.addEventListener("focusin", function (e) {
      if (!bar.contains(e.relatedTarget)) before = e.relatedTarget;
    });
    function dismiss() {
      var had = bar.contains(document.activeElement);
      bar.remove();
      if (had && before && before.isConnected) before.focus();
    }
    bar.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        e.preventDefault();
        dismiss();
      }
    });
    var no = button(word("later", "稍后"), "dismiss-update", dismiss);
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
