// The village mode (issue #16): field checks and recordings on a tablet with no network.
// No build step, no library but the vendored tweetnacl (nacl-fast.min.js, public domain).
//
// Everything the officer does is written to IndexedDB before the page says it is saved, each
// record with its own id (crypto.randomUUID) and the device key's Ed25519 signature; nothing
// lives only in memory. The sync sends the waiting records in batches; enrollment remembers
// each (kit, record_id), so a batch sent again after a cut is never applied twice.
(function () {
  "use strict";
  var confirmingDrop = {};  // record ids whose "Buang" was pressed once

  var DB_NAME = "ektp-desa";
  var BATCH_BYTES = 4000000; // a batch of recordings with photos stays a modest request
  var RETRY_MS = 60000;
  var OUTCOMES = { DITEMUKAN: "Ditemukan", PINDAH: "Pindah", MENINGGAL: "Meninggal",
                   TIDAK_DITEMUKAN: "Tidak ditemukan" };
  var CONFLICTS = { OUTCOME_DIFFERS: "Hasil berbeda dengan cek petugas lain",
                    ALREADY_RECORDED: "Penduduk ini sudah direkam",
                    RECORDING_AFTER_MENINGGAL: "Penduduk ini tercatat meninggal" };
  var STATES = { menunggu: "Menunggu dikirim", ditolak: "Ditolak", ditahan: "Ditahan",
                 terkirim: "Terkirim" };

  // --- IndexedDB: the device's storage -----------------------------------------------------

  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        if (!window.indexedDB) { reject(new Error("IndexedDB tidak ada")); return; }
        var open = indexedDB.open(DB_NAME, 1);
        open.onupgradeneeded = function () {
          var d = open.result;
          d.createObjectStore("perangkat", { keyPath: "id" }); // the device key, its kit
          d.createObjectStore("daftar", { keyPath: "id" });    // the desa's worklist
          var records = d.createObjectStore("catatan", { keyPath: "record_id" });
          records.createIndex("state", "state");
        };
        open.onsuccess = function () { resolve(open.result); };
        open.onerror = function () { reject(open.error); };
      });
    }
    return dbPromise;
  }

  function request(r) {
    return new Promise(function (resolve, reject) {
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }

  // One transaction; resolves once it is committed (durable), not when the requests are made.
  function write(stores, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction(stores, "readwrite", { durability: "strict" });
        var out = work(t);
        t.oncomplete = function () { resolve(out); };
        t.onerror = function () { reject(t.error); };
        t.onabort = function () { reject(t.error || new Error("transaksi dibatalkan")); };
      });
    });
  }

  function read(store, key) {
    return db().then(function (d) {
      return request(d.transaction(store).objectStore(store).get(key));
    });
  }

  function all(store) {
    return db().then(function (d) {
      return request(d.transaction(store).objectStore(store).getAll());
    });
  }

  function device() { return read("perangkat", "kunci"); }
  function worklist() { return read("daftar", "daftar"); }
  function records() {
    return all("catatan").then(function (list) {
      return list.sort(function (a, b) { return a.saved_at < b.saved_at ? -1 : 1; });
    });
  }
  function waiting() {
    return records().then(function (list) {
      return list.filter(function (r) { return r.state === "menunggu"; });
    });
  }

  // --- signing: canonical JSON and Ed25519 -------------------------------------------------

  // JSON with keys sorted at every level and no spaces: the same bytes as Python's
  // json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).
  function canonical(value) {
    if (Array.isArray(value)) {
      return "[" + value.map(canonical).join(",") + "]";
    }
    if (value && typeof value === "object") {
      return "{" + Object.keys(value).sort().map(function (k) {
        return JSON.stringify(k) + ":" + canonical(value[k]);
      }).join(",") + "}";
    }
    return JSON.stringify(value);
  }

  function utf8(text) { return new TextEncoder().encode(text); }

  function b64(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(s);
  }

  function unb64(text) {
    var s = atob(text), out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) { out[i] = s.charCodeAt(i); }
    return out;
  }

  function sign(dev, bytes) { return b64(nacl.sign.detached(bytes, dev.secret_key)); }

  // A new record, signed and written before the promise resolves. `replaces`: the id of a
  // refused record it corrects (removed in the same transaction).
  function saveRecord(dev, kind, data, shown, replaces) {
    var record = { record_id: crypto.randomUUID(), kind: kind,
                   recorded_at: new Date().toISOString(), operator: dev.officer, data: data };
    var signed = Object.assign({}, record, { signature: sign(dev, utf8(canonical(record))) });
    var kept = Object.assign({}, signed, { state: "menunggu", saved_at: record.recorded_at,
                                           nik: shown.nik, nama: shown.nama, answer: null });
    return write(["catatan"], function (t) {
      var store = t.objectStore("catatan");
      if (replaces) { store.delete(replaces); }
      store.put(kept);
      return kept;
    });
  }

  function wire(record) {
    return { record_id: record.record_id, kind: record.kind, recorded_at: record.recorded_at,
             operator: record.operator, data: record.data, signature: record.signature };
  }

  // --- talking to the office ---------------------------------------------------------------

  function problemText(body, fallback) {
    if (body && typeof body === "object") {
      if (Array.isArray(body.errors) && body.errors.length) {
        return body.errors.map(function (e) { return e.message; }).join("; ");
      }
      return body.detail || body.title || fallback;
    }
    return fallback;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", cache: "no-store",
                        headers: { Accept: "application/json" } })
      .then(function (r) {
        return r.json().catch(function () { return null; })
          .then(function (body) { return { status: r.status, ok: r.ok, body: body }; });
      });
  }

  function postJSON(url, csrf, payload) {
    return fetch(url, { method: "POST", credentials: "same-origin", cache: "no-store",
                        headers: { "Content-Type": "application/json",
                                   Accept: "application/json", "X-CSRF-Token": csrf },
                        body: JSON.stringify(payload) })
      .then(function (r) {
        return r.json().catch(function () { return null; })
          .then(function (body) { return { status: r.status, ok: r.ok, body: body }; });
      });
  }

  var NOT_SIGNED_IN = "Anda belum masuk atau sesi Anda berakhir. Masuk lagi di aplikasi " +
                      "kantor, lalu buka Mode desa dan kirim; catatan tetap di perangkat.";

  function session() {
    return getJSON("/desa/api/sesi").then(function (got) {
      if (got.status === 401) { throw new Error(NOT_SIGNED_IN); }
      if (!got.ok) { throw new Error(problemText(got.body, "Tidak dapat memeriksa sesi.")); }
      return got.body;
    });
  }

  function newDevice(who) {
    var pair = nacl.sign.keyPair();
    var dev = { id: "kunci", kit_id: "tablet-" + crypto.randomUUID(),
                public_key: b64(pair.publicKey), secret_key: pair.secretKey,
                officer: who.name, username: who.username, registered: false,
                created_at: new Date().toISOString() };
    return write(["perangkat"], function (t) { t.objectStore("perangkat").put(dev); return dev; });
  }

  // The kit is registered once; the same kit and key again is answered with the kit, so a
  // device that lost the answer simply asks again.
  function register(dev, who) {
    if (dev.registered) { return Promise.resolve(dev); }
    return postJSON("/desa/api/kit", who.csrf_token,
                    { kit_id: dev.kit_id, public_key: dev.public_key,
                      label: "Tablet " + dev.officer })
      .then(function (got) {
        if (!got.ok) {
          throw new Error("Kunci perangkat tidak dapat didaftarkan: " +
                          problemText(got.body, "HTTP " + got.status));
        }
        dev.registered = true;
        dev.registered_at = new Date().toISOString();
        return write(["perangkat"], function (t) { t.objectStore("perangkat").put(dev); return dev; });
      });
  }

  // --- the sync ----------------------------------------------------------------------------

  var sending = false;

  function batchOf(list, size) {
    var out = [], bytes = 0;
    for (var i = 0; i < list.length && out.length < size; i++) {
      var n = JSON.stringify(wire(list[i])).length;
      if (out.length && bytes + n > BATCH_BYTES) { break; }
      out.push(list[i]); bytes += n;
    }
    return out;
  }

  // Each record's answer onto it, in one transaction. A record without an answer stays
  // waiting: it is sent again, and enrollment answers already_accepted if it had it.
  function applyResults(results) {
    return write(["catatan"], function (t) {
      var store = t.objectStore("catatan");
      var counts = { accepted: 0, refused: 0, held: 0 };
      results.forEach(function (res) {
        store.get(res.record_id).onsuccess = function (e) {
          var record = e.target.result;
          if (!record || record.state !== "menunggu") { return; }
          var status = res.status;
          record.answer = { status: status, errors: res.errors || [], warnings: res.warnings || [],
                            conflict: res.conflict || null, enrollment_id: res.enrollment_id || null,
                            field_check_id: res.field_check_id || null,
                            at: new Date().toISOString() };
          if (status === "accepted" || status === "already_accepted") {
            record.state = "terkirim";
            if (record.data && record.data.biometrics) {
              // History only: the office has the biometrics now; the tablet keeps no copy.
              record.data = Object.assign({}, record.data, { biometrics: null });
            }
          } else if (status === "refused") {
            record.state = "ditolak";
          } else if (status === "held") {
            record.state = "ditahan";
          } else {
            return;
          }
          store.put(record);
        };
      });
      return counts;
    });
  }

  function send(trigger) {
    if (navigator.locks) {
      // One sync at a time, across the officer's open tabs too.
      return navigator.locks.request("ektp-desa-kirim", { ifAvailable: true }, function (lock) {
        return lock ? sendNow(trigger) : null;
      });
    }
    return sendNow(trigger);
  }

  function sendNow(trigger) {
    if (sending) { return Promise.resolve(); }
    sending = true;
    var status = document.getElementById("status-kirim");
    function say(text) { if (status) { status.textContent = text; } }
    var tried = {};
    var dev, who, sentNow = 0;

    function round() {
      return waiting().then(function (list) {
        list = list.filter(function (r) { return !tried[r.record_id]; });
        if (!list.length) { return null; }
        var chunk = batchOf(list, batchSize());
        chunk.forEach(function (r) { tried[r.record_id] = true; });
        say("Mengirim " + chunk.length + " catatan...");
        return postJSON("/desa/api/kirim", who.csrf_token,
                        { kit_id: dev.kit_id, records: chunk.map(wire) })
          .then(function (got) {
            if (got.status === 401) { throw new Error(NOT_SIGNED_IN); }
            if (!got.ok || !got.body || !Array.isArray(got.body.results)) {
              throw new Error("Pengiriman berhenti: " + problemText(got.body, "HTTP " + got.status) +
                              ". Catatan yang belum terjawab tetap menunggu.");
            }
            sentNow += got.body.results.length;
            return applyResults(got.body.results).then(refresh).then(round);
          });
      });
    }

    return Promise.all([device(), waiting()])
      .then(function (got) {
        dev = got[0];
        if (!dev) { throw new Error("Perangkat belum disiapkan."); }
        if (!got[1].length) {
          if (trigger === "tombol") { say("Tidak ada catatan yang menunggu dikirim."); }
          return null;
        }
        if (!navigator.onLine) {
          say("Tanpa jaringan: " + got[1].length + " catatan menunggu; terkirim begitu ada jaringan.");
          return null;
        }
        say("Menghubungi kantor...");
        return session()
          .then(function (s) { who = s; return register(dev, who); })
          .then(function (d) { dev = d; return round(); })
          .then(function () {
            return waiting().then(function (left) {
              say(sentNow + " catatan dijawab kantor" +
                  (left.length ? "; " + left.length + " masih menunggu." : "; tidak ada yang menunggu."));
            });
          });
      })
      .catch(function (err) {
        var text = err instanceof TypeError
          ? "Jaringan terputus. Catatan yang belum terjawab tetap menunggu dan dikirim lagi nanti."
          : err.message;
        say(text);
      })
      .then(function () { sending = false; return refresh(); });
  }

  function batchSize() {
    var n = parseInt(document.body.dataset.batch || "50", 10);
    return n > 0 && n <= 50 ? n : 50;
  }

  // --- the kit file (the fallback with no network) ----------------------------------------

  // Format ektp-kit/1 (enrollment's domain/kitfile.py): a header line, one line per
  // waiting record (recording or field check, each with its kind and its own signature, as
  // the sync sends it), and a last line {"signature": Ed25519 over every byte before it}.
  function exportKit() {
    var status = document.getElementById("status-kirim");
    return Promise.all([device(), waiting()]).then(function (got) {
      var dev = got[0];
      var list = got[1];
      if (!dev) { status.textContent = "Perangkat belum disiapkan."; return; }
      if (!list.length) { status.textContent = "Tidak ada catatan yang menunggu dikirim."; return; }
      var lines = [JSON.stringify({ format: "ektp-kit/1", kit_id: dev.kit_id,
                                    created_at: new Date().toISOString() })];
      list.forEach(function (r) {
        lines.push(JSON.stringify({ record_id: r.record_id, kind: r.kind,
                                    recorded_at: r.recorded_at, operator: r.operator,
                                    data: r.data, signature: r.signature }));
      });
      var body = utf8(lines.join("\n") + "\n");
      var last = JSON.stringify({ signature: sign(dev, body) }) + "\n";
      var blob = new Blob([body, last], { type: "application/x-ndjson" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "kit-" + dev.kit_id + "-" + new Date().toISOString().slice(0, 10) + ".ndjson";
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
      var checks = list.filter(function (r) { return r.kind === "field_check"; }).length;
      status.textContent = "Berkas kit berisi " + (list.length - checks) + " perekaman dan " +
        checks + " cek lapangan diunduh. " +
        "Catatan tetap menunggu di perangkat sampai kantor menjawabnya (mengirim lagi aman).";
    });
  }

  // --- shown on every page -----------------------------------------------------------------

  function when(iso) {
    return new Date(iso).toLocaleString("id-ID", { day: "2-digit", month: "2-digit",
      year: "numeric", hour: "2-digit", minute: "2-digit" });
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function network() {
    var line = document.getElementById("jaringan");
    if (line) { line.textContent = navigator.onLine ? "Ada jaringan" : "Tanpa jaringan"; }
  }

  function header() {
    return device().then(function (dev) {
      var who = document.getElementById("petugas");
      if (who && dev) { who.textContent = dev.officer + " (kit " + dev.kit_id.slice(0, 15) + "...)"; }
      return dev;
    });
  }

  // Error summary on top, each message beside its field (GOV.UK pattern).
  function showErrors(list) {
    var box = document.getElementById("ringkasan-galat");
    var items = document.getElementById("ringkasan-isi");
    document.querySelectorAll(".pesan-galat[data-dipakai]").forEach(function (p) {
      p.hidden = true; p.textContent = ""; p.removeAttribute("data-dipakai");
    });
    document.querySelectorAll(".grup-galat").forEach(function (g) { g.classList.remove("grup-galat"); });
    document.querySelectorAll(".isian-galat").forEach(function (g) { g.classList.remove("isian-galat"); });
    if (!box) { return; }
    items.textContent = "";
    list.forEach(function (e) {
      var li = el("li");
      if (e.field && document.getElementById(e.field)) {
        li.appendChild(el("a", { href: "#" + e.field }, e.message));
        var msg = document.getElementById(e.field + "-galat");
        if (msg && !msg.dataset.dipakai) {
          msg.textContent = "";
          msg.appendChild(el("span", { "class": "tersembunyi" }, "Galat: "));
          msg.appendChild(document.createTextNode(e.message));
          msg.hidden = false;
          msg.dataset.dipakai = "1";
        }
        var group = document.getElementById("grup-" + e.field);
        if (group) { group.classList.add("grup-galat"); }
        document.getElementById(e.field).classList.add("isian-galat");
      } else {
        li.textContent = e.message;
      }
      items.appendChild(li);
    });
    box.hidden = !list.length;
    document.title = document.title.replace(/^Galat: /, "");
    if (list.length) { document.title = "Galat: " + document.title; box.focus(); }
  }

  // --- the overview (/desa/) ---------------------------------------------------------------

  var LABELS = {
    nik: "NIK", nama: "Nama lengkap", tempat_lahir: "Tempat lahir", tanggal_lahir: "Tanggal lahir",
    jenis_kelamin: "Jenis kelamin", golongan_darah: "Golongan darah", alamat: "Alamat",
    rt: "RT", rw: "RW", kode_desa: "Kode desa", agama: "Agama",
    status_perkawinan: "Status perkawinan", pekerjaan: "Pekerjaan",
    kewarganegaraan: "Kewarganegaraan", foto: "Foto wajah", tanda_tangan: "Tanda tangan",
    outcome: "Hasil cek", note: "Catatan", signature: "Tanda tangan perangkat"
  };

  // The form field a service's error names ("data.kode_desa", "data.biometrics.photo_jpeg_b64").
  function formField(path) {
    var parts = String(path || "").split(".");
    if (parts[0] === "data" || parts[0] === "body") { parts = parts.slice(1); }
    if (!parts.length) { return null; }
    if (parts[0] !== "biometrics") { return parts[0]; }
    var simple = { photo_jpeg_b64: "foto", signature_png_b64: "tanda_tangan" };
    if (simple[parts[1]]) { return simple[parts[1]]; }
    var prefix = { fingerprints: "jari_", finger_exceptions: "alasan_jari_", irises: "iris_",
                   iris_exceptions: "alasan_iris_" }[parts[1]];
    return prefix && parts[2] ? prefix + parts[2] : null;
  }

  function describe(r) {
    var what = r.kind === "recording" ? "Perekaman" :
      "Cek lapangan: " + (OUTCOMES[r.data.outcome] || r.data.outcome);
    return what + " - " + (r.nama || "") + " (NIK " + r.nik + ")";
  }

  function item(r, onChange) {
    var li = el("li", { id: "catatan-" + r.record_id, "class": "catatan-perangkat",
                        "data-status": r.state, "data-nik": r.nik, "data-jenis": r.kind });
    li.appendChild(el("strong", {}, describe(r)));
    li.appendChild(el("span", { "class": "petunjuk-kecil" },
                      " \u00b7 dicatat " + when(r.recorded_at) + " \u00b7 " + STATES[r.state] +
                      (r.answer && r.answer.status === "already_accepted" ? " (sudah diterima sebelumnya)" : "")));
    var a = r.answer;
    if (a && a.errors && a.errors.length) {
      var ul = el("ul", { "class": "pesan-galat" });
      a.errors.forEach(function (e) {
        var f = formField(e.field);
        ul.appendChild(el("li", {}, (LABELS[f] ? LABELS[f] + ": " : "") + e.message));
      });
      li.appendChild(ul);
    }
    if (a && a.warnings && a.warnings.length) {
      li.appendChild(el("p", { "class": "petunjuk-kecil" }, "Peringatan: " + a.warnings.join("; ")));
    }
    if (r.state === "ditahan") {
      li.appendChild(el("p", { "class": "petunjuk-kecil" },
        (a && a.conflict && CONFLICTS[a.conflict.kind] || "Bertentangan dengan catatan lain") +
        ": supervisor di kantor memutuskan; tidak ada yang ditimpa."));
    }
    if (r.state === "ditolak") {
      var row = el("div", { "class": "baris-tombol" });
      if (r.kind === "recording") {
        row.appendChild(el("a", { href: "/desa/rekam?catatan=" + encodeURIComponent(r.record_id),
                                  "class": "tombol tombol-kedua" }, "Perbaiki"));
      } else {
        row.appendChild(el("a", { href: "/desa/daftar#baris-" + r.nik, "class": "tombol tombol-kedua" },
                           "Catat ulang di daftar kerja"));
      }
      // The question stays asked across redraws (a sync in the background redraws the list).
      var asked = confirmingDrop[r.record_id];
      var drop = el("button", { type: "button", "class": "tombol tombol-kedua" },
                    asked ? "Ya, buang catatan ini" : "Buang");
      drop.addEventListener("click", function () {
        if (confirmingDrop[r.record_id]) {
          delete confirmingDrop[r.record_id];
          write(["catatan"], function (t) { t.objectStore("catatan").delete(r.record_id); })
            .then(onChange);
        } else {
          confirmingDrop[r.record_id] = true;
          drop.textContent = "Ya, buang catatan ini";
        }
      });
      row.appendChild(drop);
      li.appendChild(row);
    }
    return li;
  }

  function renderOverview() {
    return Promise.all([device(), worklist(), records()]).then(function (got) {
      var dev = got[0], work = got[1], list = got[2];
      document.getElementById("belum-siap").hidden = !!dev;
      var wait = list.filter(function (r) { return r.state === "menunggu"; });
      document.getElementById("jumlah-menunggu").textContent = String(wait.length);
      document.getElementById("sejak").textContent = wait.length
        ? "Menunggu sejak " + when(wait[0].saved_at) : "Semua catatan sudah dijawab kantor.";
      document.getElementById("desa-kerja").textContent = work
        ? "Daftar kerja: " + work.nama_desa + " (" + work.items.length + " penduduk, diunduh " +
          when(work.downloaded_at) + ")" : "";
      ["ditolak", "menunggu", "ditahan", "terkirim"].forEach(function (state) {
        var ul = document.getElementById("daftar-" + state);
        ul.textContent = "";
        var these = list.filter(function (r) { return r.state === state; });
        if (state === "terkirim") { these = these.slice(-100).reverse(); }
        these.forEach(function (r) { ul.appendChild(item(r, renderOverview)); });
        var section = document.getElementById("bagian-" + state);
        if (section) { section.hidden = !these.length; }
        if (state === "menunggu" && !these.length) {
          ul.appendChild(el("li", {}, "Tidak ada."));
        }
      });
    });
  }

  function overviewPage() {
    var saved = new URLSearchParams(location.search).get("disimpan");
    if (saved) {
      var note = document.getElementById("disimpan");
      note.textContent = "Perekaman " + saved + " disimpan di perangkat dan menunggu dikirim.";
      note.hidden = false;
    }
    document.getElementById("kirim").addEventListener("click", function () { send("tombol"); });
    document.getElementById("ekspor").addEventListener("click", exportKit);
    return renderOverview();
  }

  // --- preparing the device at the office (/desa/siapkan) ---------------------------------

  function preparePage() {
    var line = document.getElementById("sesi");
    var keyLine = document.getElementById("kunci-status");
    var form = document.getElementById("form-siapkan");
    var done = document.getElementById("siap");

    function showKey(dev) {
      keyLine.textContent = !dev ? "Perangkat ini belum punya kunci." :
        "Kunci perangkat: kit " + dev.kit_id + (dev.registered ? ", terdaftar di kantor." :
                                                 ", belum terdaftar di kantor.");
    }
    device().then(showKey);
    session().then(function (who) {
      line.textContent = "Masuk sebagai " + who.name + ".";
    }, function (err) {
      line.textContent = err.message === NOT_SIGNED_IN
        ? "Belum masuk. Masuk dulu di aplikasi kantor: " : err.message;
      if (err.message === NOT_SIGNED_IN) { line.appendChild(el("a", { href: "/masuk" }, "Masuk")); }
    });

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var desa = document.getElementById("desa").value;
      var errGroup = document.getElementById("grup-desa");
      var errLine = document.getElementById("desa-galat");
      function fail(field, message) {
        showErrors([{ field: field, message: message }]);
        if (field === "desa") {
          errLine.textContent = message; errLine.hidden = false; errGroup.classList.add("grup-galat");
        }
      }
      errLine.hidden = true; errGroup.classList.remove("grup-galat"); done.hidden = true;
      if (!desa) { fail("desa", "Pilih desa yang dikunjungi"); return; }
      var button = document.getElementById("siapkan");
      button.disabled = true;
      var who, registerError = null;
      session()
        .then(function (s) { who = s; return device(); })
        .then(function (dev) {
          if (dev && dev.username !== who.username && !dev.registered) { dev = null; }
          return dev || newDevice(who);
        })
        .then(function (dev) {
          // Not registered yet (the office's service refused or did not answer): the
          // worklist still comes, and the sync registers the kit before it sends.
          return register(dev, who).catch(function (err) { registerError = err.message; return dev; });
        })
        .then(function (dev) {
          showKey(dev);
          return getJSON("/desa/api/daftar?desa=" + encodeURIComponent(desa)).then(function (got) {
            if (got.status === 401) { throw new Error(NOT_SIGNED_IN); }
            if (!got.ok) { throw new Error(problemText(got.body, "Daftar kerja tidak dapat diunduh")); }
            var work = Object.assign({ id: "daftar" }, got.body);
            return write(["daftar"], function (t) { t.objectStore("daftar").put(work); return work; });
          });
        })
        .then(function (work) {
          showErrors([]);
          done.textContent = "Perangkat siap. Daftar kerja " + work.nama_desa + " (" +
            work.items.length + " penduduk) tersimpan di perangkat; halaman mode desa terbuka " +
            "juga tanpa jaringan.";
          done.appendChild(document.createTextNode(" "));
          done.appendChild(el("a", { href: "/desa/daftar" }, "Buka daftar kerja"));
          if (registerError) { keyLine.textContent += " " + registerError + " Dicoba lagi saat mengirim."; }
          done.hidden = false;
          return header();
        })
        .catch(function (err) {
          fail("desa", err instanceof TypeError
            ? "Tidak ada jaringan ke kantor. Siapkan perangkat di kantor." : err.message);
        })
        .then(function () { button.disabled = false; });
    });
  }

  // --- the worklist (/desa/daftar) ---------------------------------------------------------

  function worklistPage() {
    return Promise.all([device(), worklist(), records()]).then(function (got) {
      var dev = got[0], work = got[1], list = got[2];
      if (!work) { document.getElementById("tanpa-daftar").hidden = false; return; }
      document.getElementById("judul-daftar").textContent =
        "Daftar kerja " + work.nama_desa + " (" + work.items.length + " penduduk)";
      document.getElementById("petunjuk-daftar").hidden = false;
      var table = document.getElementById("tabel-cek");
      table.hidden = false;
      var body = document.getElementById("baris-daftar");
      var tpl = document.getElementById("contoh-baris");
      var latest = {};
      list.forEach(function (r) { if (r.kind === "field_check") { latest[r.nik] = r; } });

      function mark(tr, r) {
        tr.querySelector(".dicatat-di-perangkat").textContent = r
          ? "Di perangkat: " + OUTCOMES[r.data.outcome] + " (" + STATES[r.state].toLowerCase() + ")" : "";
      }

      work.items.forEach(function (p) {
        var tr = tpl.content.firstElementChild.cloneNode(true);
        tr.id = "baris-" + p.nik;
        tr.querySelectorAll(".nama").forEach(function (n) { n.textContent = p.nama; });
        tr.querySelectorAll(".nama-tersembunyi").forEach(function (n) { n.textContent = " " + p.nama; });
        tr.querySelector(".keterangan-penduduk").textContent = p.nik + " \u00b7 lahir " +
          p.tanggal_lahir.split("-").reverse().join("-") +
          (p.last_check ? " \u00b7 terakhir: " + (OUTCOMES[p.last_check] || p.last_check) : "");
        tr.querySelector(".rekam").href = "/desa/rekam?nik=" + p.nik;
        var select = tr.querySelector(".pilih-hasil"), note = tr.querySelector(".isian-catatan");
        select.id = "hasil-" + p.nik; note.id = "catatan-" + p.nik;
        tr.querySelector(".label-hasil").htmlFor = select.id;
        tr.querySelector(".label-catatan").htmlFor = note.id;
        var msg = tr.querySelector(".pesan-hasil");
        msg.id = "hasil-" + p.nik + "-galat";
        mark(tr, latest[p.nik]);
        tr.querySelector("form").addEventListener("submit", function (e) {
          e.preventDefault();
          var shown = document.getElementById("dicatat");
          shown.hidden = true;
          if (!select.value) {
            showErrors([{ field: select.id, message: "Pilih hasil cek lapangan untuk " + p.nama }]);
            tr.classList.add("baris-galat");
            return;
          }
          showErrors([]);
          tr.classList.remove("baris-galat");
          var before = latest[p.nik];
          var replaces = before && before.state === "ditolak" ? before.record_id : null;
          saveRecord(dev, "field_check", { nik: p.nik, outcome: select.value, note: note.value.trim() },
                     { nik: p.nik, nama: p.nama }, replaces)
            .then(function (r) {
              latest[p.nik] = r;
              mark(tr, r);
              select.value = ""; note.value = "";
              return waiting();
            })
            .then(function (w) {
              shown.textContent = "Dicatat di perangkat: " + p.nama + ": " +
                OUTCOMES[latest[p.nik].data.outcome] + ". " + w.length + " catatan menunggu dikirim.";
              shown.hidden = false;
            })
            .catch(function (err) {
              showErrors([{ field: select.id, message: "Tidak tersimpan di perangkat: " + err.message }]);
            });
        });
        body.appendChild(tr);
      });
      if (location.hash) {
        var target = document.getElementById(location.hash.slice(1));
        if (target) { target.scrollIntoView(); }
      }
      if (!dev) { document.getElementById("tanpa-daftar").hidden = false; }
    });
  }

  // --- the recording form (/desa/rekam) ---------------------------------------------------

  var FINGERS = ["R_THUMB", "R_INDEX", "R_MIDDLE", "R_RING", "R_LITTLE",
                 "L_THUMB", "L_INDEX", "L_MIDDLE", "L_RING", "L_LITTLE"];
  var IRISES = ["R_IRIS", "L_IRIS"];
  var TEXT = ["nik", "nama", "tempat_lahir", "jenis_kelamin", "golongan_darah", "alamat", "rt",
              "rw", "kode_desa", "agama", "status_perkawinan", "pekerjaan", "kewarganegaraan"];
  // The office form's own checks (domain/recording_form.py), and what the tablet must not
  // leave out when no service is there to say so.
  var CHOICES = { jenis_kelamin: "Pilih jenis kelamin", golongan_darah: "Pilih golongan darah",
                  agama: "Pilih agama", status_perkawinan: "Pilih status perkawinan",
                  kewarganegaraan: "Pilih kewarganegaraan" };

  function value(id) { return (document.getElementById(id).value || "").trim(); }

  function birthDate(errors) {
    var d = value("tanggal_lahir-hari"), m = value("tanggal_lahir-bulan"), y = value("tanggal_lahir-tahun");
    if (!d && !m && !y) { errors.push({ field: "tanggal_lahir", message: "Masukkan tanggal lahir" }); return ""; }
    if (!/^\d+$/.test(d) || !/^\d+$/.test(m) || !/^\d{4}$/.test(y)) {
      errors.push({ field: "tanggal_lahir",
                    message: "Tanggal lahir harus berupa angka: tanggal, bulan, dan tahun 4 angka" });
      return "";
    }
    var date = new Date(Date.UTC(+y, +m - 1, +d));
    if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +m - 1 || date.getUTCDate() !== +d) {
      errors.push({ field: "tanggal_lahir", message: "Tanggal lahir harus tanggal yang ada" });
      return "";
    }
    return y + "-" + ("0" + m).slice(-2) + "-" + ("0" + d).slice(-2);
  }

  function fileBytes(id) {
    var input = document.getElementById(id);
    var f = input.files && input.files[0];
    return f ? f.arrayBuffer().then(function (buf) { return new Uint8Array(buf); }) : Promise.resolve(null);
  }

  function fill(input, bytes, name, type) {
    var dt = new DataTransfer();
    dt.items.add(new File([bytes], name, { type: type }));
    input.files = dt.files;
  }

  function checkForm() {
    var errors = [];
    var nik = value("nik");
    if (!/^\d{16}$/.test(nik)) {
      errors.push({ field: "nik", message: "NIK harus 16 angka, bukan " + nik.length + " karakter" });
    }
    if (!value("nama")) { errors.push({ field: "nama", message: "Masukkan nama lengkap" }); }
    var born = birthDate(errors);
    Object.keys(CHOICES).forEach(function (name) {
      if (!value(name)) { errors.push({ field: name, message: CHOICES[name] }); }
    });
    if (!value("kode_desa")) { errors.push({ field: "kode_desa", message: "Pilih desa" }); }
    if (!document.getElementById("foto").files.length) {
      errors.push({ field: "foto", message: "Ambil foto wajah atau pilih berkasnya" });
    }
    if (!document.getElementById("tanda_tangan").files.length) {
      errors.push({ field: "tanda_tangan", message: "Minta tanda tangan penduduk" });
    }
    [["jari_", FINGERS, "jari"], ["iris_", IRISES, "iris"]].forEach(function (kind) {
      kind[1].forEach(function (key) {
        if (!document.getElementById(kind[0] + key).files.length && !value("alasan_" + kind[0] + key)) {
          errors.push({ field: kind[0] + key,
                        message: "Pilih berkas " + document.querySelector("label[for=" + kind[0] + key + "]").textContent.toLowerCase() +
                                 " atau tulis alasan tidak direkam" });
        }
      });
    });
    return { errors: errors, born: born };
  }

  function recordingBody(born) {
    var body = {};
    TEXT.forEach(function (name) { body[name] = value(name); });
    body.tanggal_lahir = born;
    var bio = { fingerprints: {}, finger_exceptions: {}, irises: {}, iris_exceptions: {} };
    var jobs = [fileBytes("foto"), fileBytes("tanda_tangan")];
    FINGERS.forEach(function (k) { jobs.push(fileBytes("jari_" + k)); });
    IRISES.forEach(function (k) { jobs.push(fileBytes("iris_" + k)); });
    return Promise.all(jobs).then(function (got) {
      bio.photo_jpeg_b64 = got[0] ? b64(got[0]) : "";
      bio.signature_png_b64 = got[1] ? b64(got[1]) : "";
      FINGERS.forEach(function (k, i) {
        if (got[2 + i]) { bio.fingerprints[k] = b64(got[2 + i]); }
        if (value("alasan_jari_" + k)) { bio.finger_exceptions[k] = value("alasan_jari_" + k); }
      });
      IRISES.forEach(function (k, i) {
        if (got[12 + i]) { bio.irises[k] = b64(got[12 + i]); }
        if (value("alasan_iris_" + k)) { bio.iris_exceptions[k] = value("alasan_iris_" + k); }
      });
      body.biometrics = bio;
      return body;
    });
  }

  function setValue(id, v) {
    var e = document.getElementById(id);
    if (e && v !== undefined && v !== null) { e.value = v; }
  }

  function fillForm(data) {
    TEXT.forEach(function (name) { setValue(name, data[name]); });
    if (data.tanggal_lahir) {
      var p = data.tanggal_lahir.split("-");
      setValue("tanggal_lahir-tahun", p[0]);
      setValue("tanggal_lahir-bulan", String(+p[1]));
      setValue("tanggal_lahir-hari", String(+p[2]));
    }
    var bio = data.biometrics;
    if (!bio) { return; }
    if (bio.photo_jpeg_b64) {
      fill(document.getElementById("foto"), unb64(bio.photo_jpeg_b64), "foto.jpg", "image/jpeg");
      document.getElementById("foto-ada").hidden = false;
    }
    if (bio.signature_png_b64) {
      fill(document.getElementById("tanda_tangan"), unb64(bio.signature_png_b64), "tanda-tangan.png", "image/png");
      document.getElementById("tanda_tangan-ada").hidden = false;
    }
    [["jari_", bio.fingerprints, bio.finger_exceptions], ["iris_", bio.irises, bio.iris_exceptions]]
      .forEach(function (kind) {
        Object.keys(kind[1] || {}).forEach(function (k) {
          var input = document.getElementById(kind[0] + k);
          if (input) { fill(input, unb64(kind[1][k]), k + ".bin", "application/octet-stream"); }
        });
        Object.keys(kind[2] || {}).forEach(function (k) { setValue("alasan_" + kind[0] + k, kind[2][k]); });
      });
  }

  function recordingPage() {
    var params = new URLSearchParams(location.search);
    var fixing = params.get("catatan");
    var editing = null;
    var ready = Promise.all([device(), worklist()]).then(function (got) {
      if (fixing) {
        return read("catatan", fixing).then(function (r) {
          if (!r || r.state !== "ditolak") { return got[0]; }
          editing = r;
          fillForm(r.data);
          document.getElementById("perbaikan").hidden = false;
          showErrors((r.answer && r.answer.errors || []).map(function (e) {
            var f = formField(e.field);
            return { field: f && document.getElementById(f) ? f : null, message: e.message };
          }));
          return got[0];
        });
      }
      var nik = params.get("nik");
      var person = nik && got[1] && got[1].items.filter(function (p) { return p.nik === nik; })[0];
      if (person) {
        fillForm({ nik: person.nik, nama: person.nama, jenis_kelamin: person.jenis_kelamin,
                   kode_desa: person.kode_desa, tanggal_lahir: person.tanggal_lahir });
        document.getElementById("dari-daftar").hidden = false;
      }
      return got[0];
    });

    document.getElementById("form-rekam").addEventListener("submit", function (e) {
      e.preventDefault();
      var button = document.getElementById("simpan");
      ready.then(function (dev) {
        if (!dev) {
          showErrors([{ field: null, message: "Perangkat belum disiapkan: siapkan di kantor dulu." }]);
          return;
        }
        var checked = checkForm();
        if (checked.errors.length) { showErrors(checked.errors); return; }
        button.disabled = true;
        return recordingBody(checked.born)
          .then(function (body) {
            return saveRecord(dev, "recording", body, { nik: body.nik, nama: body.nama },
                              editing ? editing.record_id : null);
          })
          .then(function (r) {
            location.href = "/desa/?disimpan=" + encodeURIComponent(r.nama + " (NIK " + r.nik + ")");
          });
      }).catch(function (err) {
        button.disabled = false;
        showErrors([{ field: null, message: "Tidak tersimpan di perangkat: " + err.message }]);
      });
    });
  }

  // --- start -------------------------------------------------------------------------------

  function refresh() {
    return document.body.dataset.halaman === "ringkasan" ? renderOverview() : Promise.resolve();
  }

  document.addEventListener("DOMContentLoaded", function () {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/sw.js", { scope: "/desa/" }).catch(function () {
        /* no secure context (plain HTTP to a host other than localhost): online only */
      });
    }
    if (navigator.storage && navigator.storage.persist) {
      navigator.storage.persist(); // ask the browser not to evict the records under pressure
    }
    network();
    window.addEventListener("online", function () { network(); send("online"); });
    window.addEventListener("offline", network);
    var page = { ringkasan: overviewPage, siapkan: preparePage, daftar: worklistPage,
                 rekam: recordingPage }[document.body.dataset.halaman];
    db().then(header).then(function () { return page && page(); })
      .catch(function (err) {
        var warn = document.getElementById("tanpa-penyimpanan");
        warn.hidden = false;
        warn.textContent += " (" + err.message + ")";
      });
    window.setTimeout(function () { send("mulai"); }, 1000);
    window.setInterval(function () { if (navigator.onLine) { send("waktu"); } }, RETRY_MS);
  });

  // For the tests and the curious: the exact bytes a record's signature covers.
  window.ektpDesa = { canonical: canonical, records: records, waiting: waiting, device: device,
                      send: send };
})();
