// The dashboard's figures refresh by themselves: the server renders them again
// (/dasbor/isi, the same template) and the page swaps them in. No token here: the
// session cookie goes with the request; an ended session sends the page to sign-in.
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("dasbor");
  if (!box) { return; }
  var seconds = Number(box.dataset.refresh) || 60;
  window.setInterval(function () {
    fetch("/dasbor/isi", {credentials: "same-origin", redirect: "manual"})
      .then(function (r) {
        if (r.type === "opaqueredirect") { window.location.assign("/masuk?sesi=berakhir"); return null; }
        return r.text();
      })
      .then(function (html) {
        if (html === null) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        box.replaceChildren.apply(box, Array.from(doc.body.childNodes));
      })
      .catch(function () { /* the office network blinked: the next round tries again */ });
  }, seconds * 1000);
});
