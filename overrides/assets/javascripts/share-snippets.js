/*
 * Share cards (hooks/share_snippets.py): each card's "Copy the message"
 * button is hidden in the HTML and shown here, once the Clipboard API is
 * known to work; without JavaScript the message stays selectable and the
 * share links are plain links. An external file, loaded with defer: no
 * inline script or handler, so a strict Content-Security-Policy allows it.
 */
(function () {
  "use strict";

  if (!navigator.clipboard || !window.isSecureContext) return;

  function announce(button, text) {
    var status = button.parentNode.querySelector(".fov-snippet__status");
    if (status) status.textContent = text;
  }

  function enable(button) {
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-fov-copy")).then(function () {
        var copied = button.getAttribute("data-fov-copied") || label;
        button.textContent = copied;
        announce(button, copied);
        setTimeout(function () {
          button.textContent = label;
          announce(button, "");
        }, 2000);
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("button[data-fov-copy]"), enable);
})();
