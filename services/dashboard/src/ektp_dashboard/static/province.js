"use strict";
// The provincial dashboard's page: GET /province with the token typed in, every REFRESH s.
const REFRESH_SECONDS = Number(document.body.dataset.refresh) || 60;
const KUNCI = "ektp_token_provinsi";
const angka = new Intl.NumberFormat("id-ID");

function el(tag, attrs, ...anak) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const a of anak) e.append(a instanceof Node ? a : document.createTextNode(a ?? ""));
  return e;
}
function isi(id, ...anak) { document.getElementById(id).replaceChildren(...anak); }
function fmt(n) { return n === null || n === undefined ? "–" : angka.format(n); }
function tanggal(s) { return s ? new Date(s + "T00:00:00").toLocaleDateString("id-ID") : "tidak terkira"; }
function token() { return sessionStorage.getItem(KUNCI); }

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

const KOLOM = [["target", "Target"], ["recorded", "Sudah rekam"], ["printed", "Tercetak"],
               ["issued", "Diserahkan"], ["lacking", "Belum punya KTP"]];

function ubin(total) {
  const daftar = [...KOLOM, ["kabupaten_on_time", "Kab/kota tepat waktu"],
                  ["blank_shortfall", "Kurang blangko"]];
  return daftar.map(([kunci, label]) =>
    el("div", {id: "ubin-" + kunci.replaceAll("_", "")}, el("b", {}, fmt(total[kunci])), el("span", {}, label)));
}

function tabelKabupaten(body) {
  const t = el("table", {id: "kabupaten"});
  t.append(el("tr", {}, el("th", {scope: "col"}, "Kabupaten/kota"),
    ...KOLOM.map(([, label]) => el("th", {class: "n", scope: "col"}, label)),
    el("th", {scope: "col"}, "Perkiraan selesai"), el("th", {class: "n", scope: "col"}, "Kurang blangko")));
  for (const k of body.kabupaten) {
    const f = k.forecast.current;
    t.append(el("tr", {"data-kode": k.kode}, el("td", {}, `${k.nama} (${k.kode})`),
      ...KOLOM.map(([kunci]) => el("td", {class: "n"}, fmt(k.figures[kunci]))),
      el("td", {class: f.on_time ? "ok" : "buruk"}, `${tanggal(f.finish_date)}${f.on_time ? "" : " — melewati tenggat"}`),
      el("td", {class: "n"}, fmt(f.blank_shortfall))));
  }
  const total = body.total;
  t.append(el("tr", {id: "total"}, el("th", {scope: "row"}, `Provinsi ${body.provinsi.nama}`),
    ...KOLOM.map(([kunci]) => el("th", {class: "n"}, fmt(total[kunci]))),
    el("th", {}, `${total.kabupaten_on_time} dari ${total.kabupaten} tepat waktu`),
    el("th", {class: "n"}, fmt(total.blank_shortfall))));
  return t;
}

async function muat() {
  if (!token()) return;
  const r = await fetch("/province", {headers: {"Authorization": "Bearer " + token()}});
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (r.status === 401) { keluar("Token ditolak: " + ((body && body.detail) || "tidak sah")); return; }
  if (r.status !== 200) { isi("galat-progres", (body && body.detail) || ("HTTP " + r.status)); return; }
  isi("galat-progres");
  isi("ubin", ...ubin(body.total));
  isi("tabel-kabupaten", tabelKabupaten(body));
  isi("diperbarui", "diperbarui " + new Date(body.generated_at).toLocaleTimeString("id-ID"));
}

document.getElementById("form-token").addEventListener("submit", ev => {
  ev.preventDefault();
  sessionStorage.setItem(KUNCI, document.getElementById("token-input").value.trim());
  document.getElementById("token-input").value = "";
  isi("galat-token");
  tampilkan(true);
  muat();
});
document.getElementById("keluar").addEventListener("click", () => keluar());
if (token()) { tampilkan(true); muat(); }
setInterval(muat, REFRESH_SECONDS * 1000);
