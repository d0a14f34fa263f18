// The recording counter's page helpers (no build step, no library). Without JavaScript the
// form still works with files; with it, the camera and the signature pad fill the same file
// inputs, so the server sees one form either way.
(function () {
  "use strict";

  // Put a blob into a file input, as if the clerk had chosen that file.
  function fill(input, blob, name) {
    var dt = new DataTransfer();
    dt.items.add(new File([blob], name, { type: blob.type }));
    input.files = dt.files;
  }

  // --- the face photo from the PC's camera ---------------------------------------------
  function camera() {
    var box = document.getElementById("kamera");
    var input = document.getElementById("foto");
    if (!box || !input || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return; // no camera API (or a page served without TLS): the file input stays
    }
    var video = document.getElementById("kamera-video");
    var still = document.getElementById("kamera-hasil");
    var on = document.getElementById("kamera-nyala");
    var take = document.getElementById("kamera-ambil");
    var status = document.getElementById("kamera-status");
    var stream = null;
    box.hidden = false;

    // A photo can be taken once the camera's picture has arrived, not before.
    video.addEventListener("loadeddata", function () {
      if (!stream) { return; }
      take.disabled = false;
      status.textContent = "Kamera menyala. Minta penduduk menatap kamera, lalu tekan Ambil foto.";
    });

    on.addEventListener("click", function () {
      status.textContent = "Menyalakan kamera...";
      navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 960 } }, audio: false })
        .then(function (s) {
          stream = s;
          video.srcObject = s;
          video.hidden = false;
          still.hidden = true;
          status.textContent = "Kamera menyala...";
        })
        .catch(function () {
          status.textContent = "Kamera tidak dapat dinyalakan. Pilih berkas foto di bawah.";
        });
    });

    take.addEventListener("click", function () {
      var w = video.videoWidth, h = video.videoHeight;
      if (!w || !h) { return; }
      // The card photo is portrait, 3:4: the middle of the frame, full height.
      var cw = Math.min(w, Math.round(h * 3 / 4)), ch = Math.round(cw * 4 / 3);
      still.width = cw; still.height = ch;
      still.getContext("2d").drawImage(video, (w - cw) / 2, (h - ch) / 2, cw, ch, 0, 0, cw, ch);
      still.toBlob(function (blob) {
        if (!blob) { return; }
        fill(input, blob, "kamera.jpg");
        still.hidden = false;
        video.hidden = true;
        if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
        take.disabled = true;
        on.textContent = "Ambil ulang";
        status.textContent = "Foto diambil (" + cw + "x" + ch + " piksel, " + Math.round(blob.size / 1000) + " KB).";
      }, "image/jpeg", 0.9);
    });
  }

  // --- the signature pad (pointer events: mouse, pen and a finger on a tablet) ----------
  function pad() {
    var box = document.getElementById("pad");
    var input = document.getElementById("tanda_tangan");
    if (!box || !input || !window.PointerEvent) { return; }
    var canvas = document.getElementById("pad-kanvas");
    var ctx = canvas.getContext("2d");
    var drawing = false, drawn = false, last = null;
    box.hidden = false;

    function blank() {
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      drawn = false;
    }
    function at(e) {
      var r = canvas.getBoundingClientRect();
      return { x: (e.clientX - r.left) * canvas.width / r.width,
               y: (e.clientY - r.top) * canvas.height / r.height };
    }
    function save() {
      if (!drawn) { return; }
      canvas.toBlob(function (blob) { if (blob) { fill(input, blob, "tanda-tangan.png"); } },
                    "image/png");
    }
    blank();
    ctx.lineWidth = 3; ctx.lineCap = "round"; ctx.lineJoin = "round"; ctx.strokeStyle = "#000";

    canvas.addEventListener("pointerdown", function (e) {
      drawing = true; last = at(e);
      canvas.setPointerCapture(e.pointerId);
      e.preventDefault();
    });
    canvas.addEventListener("pointermove", function (e) {
      if (!drawing) { return; }
      var p = at(e);
      ctx.beginPath(); ctx.moveTo(last.x, last.y); ctx.lineTo(p.x, p.y); ctx.stroke();
      last = p; drawn = true;
      e.preventDefault();
    });
    function end() { if (drawing) { drawing = false; save(); } }
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    document.getElementById("pad-hapus").addEventListener("click", function () {
      blank();
      input.value = "";
    });
  }

  // --- the result page: how far the recording has gone to the centre -------------------
  function progress() {
    var line = document.getElementById("kemajuan");
    if (!line || !line.dataset.kemajuan || !window.fetch) { return; }
    var url = line.dataset.kemajuan;
    var timer = window.setInterval(function () {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) { return; }
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("kemajuan");
          var now = document.getElementById("kemajuan");
          if (!fresh || !now) { return; }
          now.replaceWith(fresh);
          if (!fresh.dataset.kemajuan) {
            window.clearInterval(timer);
            var reload = document.getElementById("muat-ulang");
            if (reload) { reload.hidden = true; }
          }
        })
        .catch(function () { /* the next round tries again */ });
    }, 3000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    camera();
    pad();
    progress();
  });
})();
