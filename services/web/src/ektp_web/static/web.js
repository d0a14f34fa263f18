// Vendored, no build step. With an error summary on the page, move the focus to it (as the
// GOV.UK error summary does) so a screen reader reads the problems first.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("ringkasan-galat");
  if (summary) { summary.focus(); }
  // A form sent once is not sent twice by a double click (the key also guards it). Only
  // forms that change something: a GET form (a report download) stays on the page.
  document.querySelectorAll("form[method=post]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
    });
  });
});
