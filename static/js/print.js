// A print button where JavaScript runs; without it the page says to use the browser's print.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
