// The village mode's service worker (served as /sw.js, scope /desa/). It keeps the village
// pages' shells and their files, so they open with no network; nothing with anyone's data
// passes through its cache (the records live in IndexedDB, the JSON routes are never kept).
"use strict";
var VERSION = "__VERSION__";
var CACHE = "ektp-desa-" + VERSION;
var KEPT = __KEPT__;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE)
      .then(function (cache) {
        // Fetched afresh, not from the HTTP cache: the kept copies are this version's.
        return cache.addAll(KEPT.map(function (url) { return new Request(url, { cache: "reload" }); }));
      })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (n) {
          return n.indexOf("ektp-desa-") === 0 && n !== CACHE;
        }).map(function (n) { return caches.delete(n); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (KEPT.indexOf(url.pathname) < 0) { return; } // the API, other pages: the network only
  // The kept copy first (a weak network must not hang the page); a fresh worker version
  // brings fresh copies.
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(url.pathname).then(function (hit) {
        return hit || fetch(request);
      });
    })
  );
});
