// Keeps the check-in page and its scripts so they open without a connection.
var CACHE = "treffpunkt-checkin-v3";
var ASSETS = ["/static/checkin.js", "/static/vendor/jsqr/jsQR.js", "/static/style.css"];
self.addEventListener("install", function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(ASSETS); }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== CACHE; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener("fetch", function (e) {
  var url = new URL(e.request.url);
  if (e.request.method !== "GET" || url.pathname.indexOf("/api/") === 0) return;
  // pages: network first, the kept copy when offline or when the server cannot answer
  // (5xx: its database is away, the door keeps working offline); scripts and styles: the
  // kept copy. Check-ins themselves (POST /api/…) never pass through here: the page queues them.
  if (ASSETS.indexOf(url.pathname) >= 0) {
    e.respondWith(caches.match(e.request).then(function (hit) { return hit || fetch(e.request); }));
    return;
  }
  e.respondWith(fetch(e.request).then(function (res) {
    if (res.ok) { var copy = res.clone(); caches.open(CACHE).then(function (c) { c.put(e.request, copy); }); }
    if (res.status >= 500) return caches.match(e.request).then(function (hit) { return hit || res; });
    return res;
  }).catch(function () { return caches.match(e.request); }));
});
