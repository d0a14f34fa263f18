"use strict";
// The page says how often to refresh (GET / fills the attribute in).
const REFRESH_SECONDS = Number(document.body.dataset.refresh) || 60;
const KUNCI = "ektp_token";
const SVGNS = "http://www.w3.org/2000/svg";
const angka = new Intl.NumberFormat("id-ID");
let labelStatus = {};
let nikTerakhir = null;

function el(tag, attrs, ...anak) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const a of anak) e.append(a instanceof Node ? a : document.createTextNode(a ?? ""));
  return e;
}
function svg(tag, attrs, teks) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (teks !== undefined) e.textContent = teks;
  return e;
}
function isi(id, ...anak) { const t = document.getElementById(id); t.replaceChildren(...anak); }
function fmt(n) { return n === null || n === undefined ? "–" : angka.format(n); }
function waktu(s) { return s ? new Date(s).toLocaleString("id-ID") : "–"; }
function umur(detik) {
  const m = Math.round(detik / 60);
  if (m < 1) return "baru saja";
  if (m < 120) return `${m} menit lalu`;
  return m < 2880 ? `${Math.round(m / 60)} jam lalu` : `${Math.round(m / 1440)} hari lalu`;
}
function tabel(kepala, baris, kananMulai = 1) {
  const t = el("table");
  t.append(el("tr", {}, ...kepala.map((h, i) => el("th", i >= kananMulai ? {class: "n"} : {}, h))));
  for (const b of baris) t.append(el("tr", {}, ...b.map((c, i) => el("td", i >= kananMulai ? {class: "n"} : {}, c))));
  return t;
}

function token() { return sessionStorage.getItem(KUNCI); }
async function ambil(path) {
  const r = await fetch(path, {headers: {"Authorization": "Bearer " + token()}});
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (r.status === 401) { keluar("Token ditolak: " + (body && body.detail || "tidak sah") ); throw new Error("401"); }
  return {status: r.status, body};
}

function tampilkan(masuk) {
  document.getElementById("masuk").classList.toggle("tersembunyi", masuk);
  document.getElementById("isi").classList.toggle("tersembunyi", !masuk);
  document.getElementById("keluar").classList.toggle("tersembunyi", !masuk);
}
function keluar(pesan) {
  sessionStorage.removeItem(KUNCI);
  tampilkan(false);
  document.getElementById("galat-token").textContent = pesan || "";
}

function ubin(k) {
  const daftar = [
    ["target", "Target wajib KTP"], ["recorded", "Sudah rekam"], ["sent", "Dikirim ke pusat"],
    ["print_ready", "Siap cetak (PRR)"], ["duplicate", "Rekam ganda"], ["failed", "Gagal di pusat"],
    ["printed", "KTP tercetak"], ["issued", "KTP diserahkan"], ["suket", "Suket terbit"],
    ["lacking", "Masih belum punya KTP"],
  ];
  const fc = k.field_checks;
  daftar.push(["_pindah", "Pindah / meninggal / tidak ditemukan"]);
  return daftar.map(([kunci, label]) => {
    const nilai = kunci === "_pindah" ? `${fmt(fc.PINDAH)} / ${fmt(fc.MENINGGAL)} / ${fmt(fc.TIDAK_DITEMUKAN)}` : fmt(k[kunci]);
    return el("div", {id: "ubin-" + kunci.replace("_", "")}, el("b", {}, nilai), el("span", {}, label));
  });
}

function grafikKecamatan(kec) {
  const lebar = 760, baris = 30, kiri = 150, kanan = 90;
  const maks = Math.max(1, ...kec.map(k => Math.max(k.target, k.recorded)));
  const s = svg("svg", {viewBox: `0 0 ${lebar} ${kec.length * baris + 6}`, width: "100%", role: "img", "aria-label": "Progres per kecamatan"});
  const skala = v => (lebar - kiri - kanan) * v / maks;
  kec.forEach((k, i) => {
    const y = i * baris + 4;
    s.append(svg("text", {x: 0, y: y + 15}, k.nama));
    s.append(svg("rect", {x: kiri, y, width: skala(k.target), height: 20, fill: "#dfe6f0"}));
    s.append(svg("rect", {x: kiri, y: y + 2, width: skala(k.recorded), height: 16, fill: "#9cc3e6"}));
    s.append(svg("rect", {x: kiri, y: y + 4, width: skala(k.printed), height: 12, fill: "#3d7cc9"}));
    s.append(svg("rect", {x: kiri, y: y + 6, width: skala(k.issued), height: 8, fill: "#1b5e20"}));
    const persen = k.target ? Math.round(100 * k.issued / k.target) : 0;
    s.append(svg("text", {x: lebar - kanan + 6, y: y + 15}, `${fmt(k.issued)}/${fmt(k.target)} (${persen}%)`));
  });
  return s;
}

function tabelWilayah(p) {
  const kolom = ["Wilayah", "Target", "Rekam", "Kirim", "PRR", "Ganda", "Gagal", "Cetak", "Serah", "Kurang"];
  const nilai = w => [w.target, w.recorded, w.sent, w.print_ready, w.duplicate, w.failed, w.printed, w.issued, w.lacking].map(fmt);
  const baris = [];
  for (const k of p.kecamatan) {
    baris.push([el("b", {}, "Kec. " + k.nama), ...nilai(k)]);
    for (const d of k.desa) baris.push(["   " + d.nama, ...nilai(d)]);
  }
  if (p.lainnya.residents) baris.push(["Lainnya / desa belum diketahui", ...nilai(p.lainnya)]);
  return tabel(kolom, baris);
}

function grafikHarian(hari) {
  const lebar = 420, tinggi = 150, bawah = 20;
  const maks = Math.max(1, ...hari.map(h => Math.max(h.recorded, h.printed, h.issued)));
  const s = svg("svg", {viewBox: `0 0 ${lebar} ${tinggi + bawah}`, width: "100%", role: "img", "aria-label": "Laju harian"});
  const lebarHari = lebar / hari.length;
  const w = (lebarHari - 4) / 3;
  hari.forEach((h, i) => {
    const x = i * lebarHari + 2;
    [[h.recorded, "#9cc3e6"], [h.printed, "#3d7cc9"], [h.issued, "#1b5e20"]].forEach(([v, warna], j) => {
      const t = tinggi * v / maks;
      s.append(svg("rect", {x: x + j * w, y: tinggi - t, width: w - 1, height: t, fill: warna}));
    });
    if (i % 2 === hari.length % 2 || hari.length < 8) s.append(svg("text", {x, y: tinggi + 14}, h.day.slice(5)));
  });
  return s;
}

function perkiraan(f) {
  const c = f.current;
  const judul = c.finish_date
    ? el("p", {class: c.on_time ? "ok" : "buruk"}, `Selesai sekitar ${c.finish_date} — ${c.on_time ? "sebelum" : "MELEWATI"} tenggat ${f.deadline}`)
    : el("p", {class: "buruk"}, `Belum bisa selesai: ${c.reason}`);
  const inp = f.inputs;
  const ket = el("p", {class: "catatan"},
    `Sisa ${fmt(f.days_left)} hari. Belum rekam ${fmt(inp.to_record)}, menunggu pusat ${fmt(inp.in_pipeline)}, menunggu cetak ${fmt(inp.awaiting_print)}; ` +
    `kartu yang masih harus dicetak ${fmt(c.cards_needed)}, blangko tersedia ${fmt(inp.blanks_available)}, printer jalan ${fmt(inp.printers_working)}.` +
    (f.print_rate_needed !== null ? ` Agar tepat waktu perlu cetak ${fmt(f.print_rate_needed)}/hari` : "") +
    (f.printers_needed !== null ? ` (≈ ${fmt(f.printers_needed)} printer).` : "."));
  const skenario = tabel(["Bila", "Selesai", "Tepat waktu?", "Keterangan"],
    [c, ...f.scenarios].map(o => [o.label, o.finish_date || "–", o.on_time ? "ya" : "tidak", o.reason]), 9);
  return [judul, ket, el("h3", {class: "kecil"}, "Apa yang mengubahnya"), skenario];
}

function blangko(p) {
  const b = p.blanks.by_state;
  const nama = {IN_STORE: "Di gudang", ISSUED: "Di ruang cetak", USED: "Terpakai", SPOILED: "Rusak", DESTROYED: "Dimusnahkan", RETURNED: "Dikembalikan", ADJUSTED: "Penyesuaian"};
  const langsung = p.stock_live || {available: false, error: "tidak diminta"};
  const baris = Object.keys(nama).map(s => [nama[s], fmt(b[s]), langsung.available ? fmt((langsung.by_state || {})[s] || 0) : "–"]);
  const hasil = [tabel(["Keadaan", "Menurut peristiwa", "Menurut gudang"], baris)];
  if (!langsung.available) hasil.push(el("p", {class: "waspada"}, "Layanan gudang tidak tersedia: " + langsung.error));
  const a = p.alerts || {};
  if (a.stock_low) hasil.push(el("p", {class: "buruk"}, `Peringatan stok menipis ${umur(a.stock_low.age_seconds)} (${waktu(a.stock_low.at)}; keadaan saat itu, bukan sekarang): di gudang ${fmt(a.stock_low.in_store)}, antrean cetak ${fmt(a.stock_low.backlog_awaiting_print)}, kurang ${fmt(a.stock_low.projected_shortfall)}`));
  return hasil;
}

function printer(p) {
  const ringkas = Object.entries(p.printers.by_status).map(([s, n]) => `${s} ${n}`).join(" · ");
  const baris = p.printers.items.map(x => [x.printer_id, el("span", {class: "lencana " + x.status}, x.status), x.reason || "", fmt(x.printed), fmt(x.spoiled), waktu(x.since)]);
  return [el("p", {}, ringkas), tabel(["Printer", "Status", "Alasan", "Cetak", "Rusak", "Sejak"], baris, 3)];
}

function sinkron(s) {
  if (!s || !s.available) return [el("p", {class: "waspada"}, "Layanan sinkronisasi tidak tersedia: " + (s ? s.error : "–"))];
  const c = s.circuit || {};
  const putus = c.outage_since ? el("p", {class: "buruk"}, "Koneksi ke pusat putus sejak " + waktu(c.outage_since)) : el("p", {class: "ok"}, "Koneksi ke pusat normal");
  const antre = Object.entries(s.backlog || {}).map(([k, v]) => [k, fmt(v)]);
  const umur = v => v === null || v === undefined ? "–" : Math.round(v / 60) + " menit";
  return [putus, tabel(["Antrean", "Jumlah"], antre),
    el("p", {class: "catatan"}, `Tertua belum terkirim: ${umur(s.oldest_unsent_age_seconds)}; tertua menunggu jawaban: ${umur(s.oldest_awaiting_verdict_age_seconds)}; kontak terakhir berhasil: ${waktu(s.last_successful_contact)}`)];
}

async function muatMacet() {
  const r = await ambil("/stuck?limit=20");
  if (r.status === 403) { isi("macet", el("p", {class: "catatan"}, "Daftar ini memuat nama penduduk: perlu token peran operator atau printer.")); return; }
  if (r.status !== 200) { isi("macet", el("p", {class: "galat"}, (r.body && r.body.detail) || "gagal")); return; }
  const b = r.body;
  const ringkas = Object.entries(b.by_status).map(([s, n]) => `${labelStatus[s] || s}: ${n}`).join(" · ") || "tidak ada";
  isi("macet", el("p", {}, `Lebih dari ${b.older_than_hours} jam: ${fmt(b.total)} (${ringkas})`),
    tabel(["NIK", "Nama", "Desa", "Status", "Menunggu"], b.items.map(x => [x.nik, x.nama || "", x.desa || x.kode_desa, labelStatus[x.status] || x.status, x.waiting]), 9));
}

async function muat() {
  if (!token()) return;
  let r;
  try { r = await ambil("/progress"); } catch (e) { return; }
  if (r.status !== 200) { isi("galat-progres", (r.body && r.body.detail) || ("HTTP " + r.status)); return; }
  isi("galat-progres");
  const p = r.body;
  labelStatus = p.status_labels;
  isi("nama-kab", p.kabupaten.nama);
  isi("ubin", ...ubin(p.kabupaten));
  isi("grafik-kecamatan", grafikKecamatan(p.kecamatan));
  isi("tabel-wilayah", tabelWilayah(p));
  const rt = p.rates;
  isi("laju", `Rata-rata ${rt.window_days} hari: rekam ${fmt(rt.recorded_per_day)}/hari · cetak ${fmt(rt.printed_per_day)}/hari · serah ${fmt(rt.issued_per_day)}/hari`);
  isi("grafik-harian", grafikHarian(rt.days));
  isi("perkiraan", ...perkiraan(p.forecast));
  isi("blangko", ...blangko(p));
  isi("printer", ...printer(p));
  isi("sinkron", ...sinkron(p.sync));
  isi("diperbarui", `Diperbarui ${new Date().toLocaleTimeString("id-ID")} · data s.d. ${waktu(p.as_of)} · otomatis tiap ${REFRESH_SECONDS} detik`);
  await muatMacet();
  if (nikTerakhir) await cari(nikTerakhir);
}

async function cari(nik) {
  const r = await ambil("/residents/" + encodeURIComponent(nik));
  if (r.status !== 200) {
    const pesan = r.status === 403 ? "Peran token ini tidak boleh melihat data penduduk (perlu operator atau printer)." : ((r.body && r.body.detail) || ("HTTP " + r.status));
    isi("hasil-cari", el("p", {class: "galat", id: "galat-cari"}, pesan));
    return;
  }
  nikTerakhir = nik;
  const d = r.body;
  const kepala = el("p", {id: "status-penduduk"},
    el("b", {}, `${d.nama || "(nama belum diketahui)"} · ${d.nik}`), ` — ${d.desa || d.kode_desa || "desa belum diketahui"}${d.kecamatan ? ", Kec. " + d.kecamatan : ""}. `,
    "Status: ", el("b", {}, d.status_label), ` sejak ${waktu(d.status_since)} (${d.in_status}). `,
    d.stuck ? el("span", {class: "buruk"}, `MACET: lebih dari ${d.stuck_after_hours} jam di tahap ini.`) : el("span", {class: "ok"}, "Tidak macet."));
  const baris = d.steps.map(s => [waktu(s.at), s.label, labelStatus[s.status] || s.status, s.took]);
  const t = tabel(["Waktu", "Langkah", "Status", "Lama sampai langkah berikut"], baris, 9);
  t.id = "timeline";
  isi("hasil-cari", kepala, t);
}

document.getElementById("form-token").addEventListener("submit", ev => {
  ev.preventDefault();
  sessionStorage.setItem(KUNCI, document.getElementById("token-input").value.trim());
  document.getElementById("token-input").value = "";
  isi("galat-token");
  tampilkan(true);
  muat();
});
document.getElementById("form-cari").addEventListener("submit", ev => {
  ev.preventDefault();
  const nik = document.getElementById("nik-input").value.trim();
  if (!/^\d{16}$/.test(nik)) { isi("hasil-cari", el("p", {class: "galat", id: "galat-cari"}, "NIK harus 16 digit angka.")); return; }
  cari(nik);
});
document.getElementById("keluar").addEventListener("click", () => keluar());
if (token()) { tampilkan(true); muat(); }
setInterval(muat, REFRESH_SECONDS * 1000);
