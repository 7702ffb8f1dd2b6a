// The main menu folds behind a «Meny» button on narrow screens. Without JavaScript it is
// simply always open.
(function () {
  "use strict";
  var nav = document.querySelector(".main-nav");
  if (!nav) return;
  var toggle = nav.querySelector(".main-nav__toggle");
  var list = document.getElementById(toggle.getAttribute("aria-controls"));
  var narrow = window.matchMedia("(max-width: 40em)");

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", String(open));
    list.hidden = !open;
  }

  function update() {
    toggle.hidden = !narrow.matches;
    setOpen(!narrow.matches);
  }

  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && narrow.matches && !list.hidden) {
      setOpen(false);
      toggle.focus();
    }
  });
  narrow.addEventListener("change", update);
  update();
})();
