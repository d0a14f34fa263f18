// Capture from the clerk's MOSIP SBI device service (SBI 1.0 / MDS 0.9.5, registration) on
// this PC. No build step, no library. The device's answers go into the form's hidden fields
// (alat_<jenis>_<kunci>, mutu_<jenis>_<kunci>); enrollment checks the quality again.
(function () {
  "use strict";
  var root = document.getElementById("alat-sbi");
  if (!root) { return; }
  var base = root.dataset.sbiUrl.replace(/\/+$/, "");
  var minimum = { jari: Number(root.dataset.minJari), iris: Number(root.dataset.minIris),
                  foto: Number(root.dataset.minFoto) };
  var state = document.getElementById("alat-keadaan");
  // SBI names (bioSubType) -> the office's names; a slap scanner's deviceSubId:
  // 1 left four fingers, 2 right four fingers, 3 both thumbs.
  var FINGERS = {
    "Right Thumb": "R_THUMB", "Right IndexFinger": "R_INDEX", "Right MiddleFinger": "R_MIDDLE",
    "Right RingFinger": "R_RING", "Right LittleFinger": "R_LITTLE", "Left Thumb": "L_THUMB",
    "Left IndexFinger": "L_INDEX", "Left MiddleFinger": "L_MIDDLE",
    "Left RingFinger": "L_RING", "Left LittleFinger": "L_LITTLE"
  };
  var SLAPS = {
    "1": ["Left IndexFinger", "Left MiddleFinger", "Left RingFinger", "Left LittleFinger"],
    "2": ["Right IndexFinger", "Right MiddleFinger", "Right RingFinger", "Right LittleFinger"],
    "3": ["Left Thumb", "Right Thumb"]
  };
  var IRISES = { "Right": "R_IRIS", "Left": "L_IRIS" };
  var EYES = { "1": ["Left"], "2": ["Right"], "3": ["Left", "Right"] };
  var devices = {};

  function sbi(method, path, body) {
    return fetch(base + path, {
      method: method, headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {})
    }).then(function (r) {
      if (!r.ok) { throw new Error("alat menjawab " + r.status); }
      return r.json();
    });
  }

  function std64(url64) {  // SBI's base64url -> the base64 enrollment takes
    var s = url64.replace(/-/g, "+").replace(/_/g, "/");
    while (s.length % 4) { s += "="; }
    return s;
  }

  function jwsPayload(jws) {  // the signature is the device's; enrollment does not rely on it
    return JSON.parse(atob(std64(jws.split(".")[1])));
  }

  function field(id) { return document.getElementById(id); }

  function show(kind, key, text, bad) {
    var cell = field("hasil-" + kind + "_" + key);
    if (!cell) { return; }
    cell.textContent = text;
    cell.classList.toggle("pesan-galat", !!bad);
    field("baris-" + kind + "_" + key).classList.toggle("baris-galat", !!bad);
  }

  function keep(kind, key, value, score) {
    field("alat_" + kind + "_" + key).value = value;
    field("mutu_" + kind + "_" + key).value = score === null ? "" : String(score);
    if (value === "") { return; }
    if (score === null || isNaN(score)) {
      show(kind, key, "Diambil", false);
    } else if (score < minimum[kind]) {
      show(kind, key, "Kualitas " + score + " di bawah ambang " + minimum[kind] +
           ": ulangi pengambilan", true);
    } else {
      show(kind, key, "Diambil, kualitas " + score, false);
    }
  }

  function excused(key) {  // the clerk typed why this finger cannot be recorded
    var reason = field("alasan_jari_" + key);
    return reason && reason.value.trim() !== "";
  }

  function capture(device, subId, bio) {
    return sbi("RCAPTURE", "/capture", {
      env: device.env || "Developer", purpose: "Registration", specVersion: "0.9.5",
      timeout: "10000", captureTime: new Date().toISOString(),
      transactionId: "ektp-" + Date.now() + "-" + subId,
      bio: [Object.assign({ deviceId: device.deviceId, deviceSubId: subId, previousHash: "" },
                          bio)]
    }).then(function (answer) {
      return (answer.biometrics || []).filter(function (b) {
        return b.error && b.error.errorCode === "0" && b.data;
      }).map(function (b) { return jwsPayload(b.data); });
    });
  }

  function captureFingers() {
    var device = devices.Finger;
    var jobs = ["1", "2", "3"].map(function (subId) {
      var names = SLAPS[subId];
      var skip = names.filter(function (n) { return excused(FINGERS[n]); });
      return capture(device, subId, {
        type: "Finger", count: String(names.length - skip.length), bioSubType: names,
        exception: skip, requestedScore: String(minimum.jari)
      }).then(function (got) {
        var seen = {};
        got.forEach(function (p) {
          var key = FINGERS[p.bioSubType];
          if (!key) { return; }
          seen[key] = true;
          keep("jari", key, std64(p.bioValue), Number(p.qualityScore));
        });
        names.forEach(function (n) {
          var key = FINGERS[n];
          if (seen[key]) { return; }
          keep("jari", key, "", null);
          if (excused(key)) {
            show("jari", key, "Dikecualikan: tidak diambil", false);
          } else {
            show("jari", key, "Tidak terbaca: ulangi pengambilan, atau tulis alasan " +
                 "pengecualian (misalnya amputasi)", true);
          }
        });
      });
    });
    return Promise.all(jobs);
  }

  function captureIrises() {
    return capture(devices.Iris, "3", {
      type: "Iris", count: "2", bioSubType: EYES["3"], exception: [],
      requestedScore: String(minimum.iris)
    }).then(function (got) {
      var seen = {};
      got.forEach(function (p) {
        var key = IRISES[p.bioSubType];
        if (!key) { return; }
        seen[key] = true;
        keep("iris", key, std64(p.bioValue), Number(p.qualityScore));
      });
      Object.keys(IRISES).forEach(function (n) {
        if (!seen[IRISES[n]]) {
          keep("iris", IRISES[n], "", null);
          show("iris", IRISES[n], "Tidak terbaca: ulangi pengambilan", true);
        }
      });
    });
  }

  function captureFace() {
    return capture(devices.Face, "0", {
      type: "Face", count: "1", bioSubType: [""], exception: [],
      requestedScore: String(minimum.foto)
    }).then(function (got) {
      if (got.length === 0) { show("foto", "wajah", "Tidak terbaca: ulangi", true); return; }
      keep("foto", "wajah", std64(got[0].bioValue), Number(got[0].qualityScore));
    });
  }

  var actions = { Finger: captureFingers, Iris: captureIrises, Face: captureFace };

  function wire(button) {
    button.addEventListener("click", function () {
      button.disabled = true;
      state.textContent = "Mengambil dari alat, minta penduduk tetap diam\u2026";
      actions[button.dataset.jenis]().then(function () {
        state.textContent = "Selesai mengambil. Periksa kualitas setiap bagian di tabel.";
      }).catch(function (err) {
        state.textContent = "Alat tidak menjawab (" + err.message + "): periksa kabelnya, " +
          "lalu coba lagi, atau pilih berkas.";
      }).then(function () { button.disabled = false; });
    });
  }

  // What the form carried back after a refusal: show it again.
  document.querySelectorAll("#hasil-alat td[data-jenis]").forEach(function (cell) {
    var kind = cell.dataset.jenis, key = cell.dataset.kunci;
    var value = field("alat_" + kind + "_" + key).value;
    var score = field("mutu_" + kind + "_" + key).value;
    if (value) { keep(kind, key, value, score === "" ? null : Number(score)); }
  });

  sbi("MOSIPDISC", "/device", { type: "Biometric Device" }).then(function (found) {
    (found || []).forEach(function (d) {
      if (d.deviceStatus === "Ready" || d.deviceStatus === "Busy") {
        var info = JSON.parse(atob(std64(d.digitalId.split(".").length === 3
          ? d.digitalId.split(".")[1] : d.digitalId)));
        devices[info.type] = d;
      }
    });
    var ready = [];
    root.querySelectorAll("button[data-jenis]").forEach(function (button) {
      if (devices[button.dataset.jenis]) {
        button.disabled = false;
        wire(button);
        ready.push({ Finger: "sidik jari", Iris: "iris", Face: "kamera wajah" }[button.dataset.jenis]);
      }
    });
    state.textContent = ready.length ? "Alat siap: " + ready.join(", ") + "."
      : "Tidak ada alat perekam yang siap di " + base + ".";
  }).catch(function () {
    state.textContent = "Alat perekam tidak ditemukan di " + base +
      ": nyalakan layanan alatnya, atau pilih berkas.";
  });
})();
