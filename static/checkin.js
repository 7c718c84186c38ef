// Check-in at the door: scans continuously, asks the server, and keeps working offline
// with the attendee list and the public key kept on the device (signatures checked with
// WebCrypto Ed25519), syncing queued check-ins when the connection is back.
(function () {
  "use strict";
  var root = document.getElementById("checkin");
  if (!root) return;
  var ev = root.dataset.event;
  var T = root.dataset;
  var api = "/api/v1/checkin/" + ev;
  var listKey = "tp-list-" + ev, queueKey = "tp-queue-" + ev;
  // A name the helper typed is kept as typed; the one the phone made up for itself is kept
  // as its code only and speaks the page's language ("Gerät AB12", "Device AB12").
  var deviceInput = document.getElementById("device-name");
  var code = localStorage.getItem("tp-device-code"), named = localStorage.getItem("tp-device");
  var madeUp = named && /^Gerät ([A-Z0-9]{1,4})$/.exec(named); // kept before names followed the language
  if (madeUp) { code = madeUp[1]; named = null; localStorage.removeItem("tp-device"); }
  if (!code) { code = Math.random().toString(36).slice(2, 6).toUpperCase(); localStorage.setItem("tp-device-code", code); }
  var device = named || T.tDeviceDefault.replace("{code}", code);
  deviceInput.value = device;
  deviceInput.addEventListener("change", function () {
    var typed = deviceInput.value.trim();
    if (typed) { device = typed; localStorage.setItem("tp-device", typed); } else { deviceInput.value = device; }
  });
  // as long as the server still says "welcome again" to this device for the same ticket
  var againMs = (parseInt(T.againSecs, 10) || 60) * 1000;

  var online = navigator.onLine, lastNonce = null, lastCode = null, lastCodeAt = 0;
  function load(k, d) { try { return JSON.parse(localStorage.getItem(k)) || d; } catch (e) { return d; } }
  function save(k, v) { localStorage.setItem(k, JSON.stringify(v)); }
  function nonce() { return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()); }
  function log(text) { var li = document.createElement("li"); li.textContent = new Date().toLocaleTimeString() + " " + text; document.getElementById("log").prepend(li); }

  // Live regions are rewritten only when their text changes: the page polls every few
  // seconds, and a screen reader would otherwise repeat the same words each time.
  function put(el, text) { if (el.textContent !== String(text)) el.textContent = text; }

  function banner() {
    var b = document.getElementById("offline-banner"), q = load(queueKey, []).length;
    if (!online || q > 0) { b.hidden = false; put(b, T.tOffline.replace("{n}", q)); } else { b.hidden = true; }
  }

  function beep(ok) {
    try { if (navigator.vibrate) navigator.vibrate(ok ? 200 : [120, 60, 120, 60, 120]); } catch (e) {}
    try {
      var ctx = new (window.AudioContext || window.webkitAudioContext)(), o = ctx.createOscillator();
      o.frequency.value = ok ? 880 : 220; o.connect(ctx.destination); o.start(); o.stop(ctx.currentTime + (ok ? 0.15 : 0.4));
    } catch (e) {}
  }

  // The verdict in words, not only in colour and sound; read out by screen readers from a
  // region that is always in the page (a region that appears with its text is often missed).
  // `note`: a small addition (the same ticket shown again on this device).
  function show(ok, text, note) {
    var r = document.getElementById("result"), live = document.getElementById("result-live");
    var verdict = ok ? T.tVerdictOk : T.tVerdictBad, n = document.getElementById("result-note");
    r.className = "result " + (ok ? "result-ok" : "result-bad");
    document.getElementById("result-verdict").textContent = verdict;
    document.getElementById("result-text").textContent = text;
    n.textContent = note || ""; n.hidden = !note;
    live.textContent = "";
    setTimeout(function () { live.textContent = verdict + ": " + text + (note ? " " + note : ""); }, 50);
    if (!r.contains(document.activeElement)) show.back = document.activeElement;
    r.hidden = false; r.focus(); beep(ok);
    clearTimeout(show.t); show.t = setTimeout(hide, ok ? 2500 : 5000);
  }
  // the keyboard goes back to where it was (search, walk-in) instead of the page's start
  function hide() {
    var r = document.getElementById("result"), had = r.contains(document.activeElement);
    r.hidden = true;
    if (had && show.back && document.contains(show.back)) show.back.focus();
  }
  document.getElementById("result-close").addEventListener("click", hide);

  // Every change is JSON with the door token the page was given, which a page on another
  // site cannot send. Resolves with the answer only when the server gave one (2xx); else
  // rejects with the status (0: no connection) and the server's reason.
  function post(path, body) {
    return fetch(api + path, {
      method: "POST", credentials: "same-origin", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-Door-Token": T.doorToken }
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (a) {
        if (r.ok) return a;
        var e = new Error(a.message || String(r.status)); e.status = r.status; throw e;
      });
    }, function () { var e = new Error("offline"); e.status = 0; throw e; });
  }
  // a refusal that will not change by sending the same again (bad input, gone); 403 is
  // not one: the door helper can log in or open the link again
  function definite(e) { return e.status >= 400 && e.status < 500 && [401, 403, 408, 429].indexOf(e.status) < 0; }
  function locked(is) {
    var b = document.getElementById("locked-banner");
    b.hidden = !is;
    if (is) put(b, T.tLocked.replace("{n}", load(queueKey, []).length));
  }
  function failed(e) { if (e.status === 403) locked(true); show(false, e.status === 403 ? T.tLocked.replace("{n}", load(queueKey, []).length) : (definite(e) ? e.message : T.tNotSent)); }

  function refresh(withList) {
    return fetch(api + "/status" + (withList ? "?list=1" : ""), { credentials: "same-origin" })
      .then(function (r) {
        if (r.status === 403) locked(true);
        if (!r.ok) throw new Error("status " + r.status);
        return r.json();
      })
      .then(function (s) {
        online = true; locked(false);
        put(document.getElementById("count-in"), s.counters.checked_in);
        put(document.getElementById("count-confirmed"), s.counters.confirmed);
        if (s.attendees) save(listKey, { attendees: s.attendees, key: s.public_key, keep_until: s.keep_until });
        banner();
      })
      .catch(function () { online = false; banner(); });
  }

  // ---- offline: verify the signature locally and check the kept list
  // "18:04" in the site's time zone, as the server writes it
  function clock(d) { try { return d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: T.tz }); } catch (e) { return d.toTimeString().slice(0, 5); } }
  function b64(s) { s = s.replace(/-/g, "+").replace(/_/g, "/"); while (s.length % 4) s += "="; return Uint8Array.from(atob(s), function (c) { return c.charCodeAt(0); }); }
  function verifyOffline(token) {
    var list = load(listKey, null);
    if (!list || token.indexOf("T1.") !== 0) return Promise.resolve({ ok: false, text: T.tInvalid });
    var raw; try { raw = b64(token.slice(3)); } catch (e) { return Promise.resolve({ ok: false, text: T.tInvalid }); }
    if (raw.length !== 73 || raw[0] !== 1) return Promise.resolve({ ok: false, text: T.tInvalid });
    var payload = raw.slice(0, 9), sig = raw.slice(9);
    return crypto.subtle.importKey("raw", b64(list.key), { name: "Ed25519" }, false, ["verify"])
      .then(function (k) { return crypto.subtle.verify({ name: "Ed25519" }, k, sig, payload); })
      .then(function (valid) {
        if (!valid) return { ok: false, text: T.tInvalid };
        var dv = new DataView(payload.buffer), rid = dv.getUint32(1), eid = dv.getUint32(5);
        if (String(eid) !== ev) return { ok: false, text: T.tWrong };
        var a = list.attendees.find(function (x) { return x.registration_id === rid; });
        if (!a) return { ok: false, text: T.tUnknown };
        if (a.status === "cancelled") return { ok: false, text: a.name + ": " + T.tCancelled };
        if (a.status === "waiting" || a.status === "unconfirmed") return { ok: false, text: a.name + ": " + (a.status === "waiting" ? T.tWaiting : T.tUnconfirmed) };
        if (a.checked_in_at) {
          var at = new Date(a.checked_in_at), hhmm = clock(at), since = Math.abs(Date.now() - at.getTime());
          // the same rule as the server's: this device let the person in a moment ago
          if (a.device === device && since <= againMs) return { ok: true, again: true, text: T.tOfflineOk.replace("{name}", a.name).replace("{party}", a.party), note: T.tAgain.replace("{time}", hhmm) };
          return { ok: false, text: a.name + ": " + T.tAlready + " " + hhmm + " (" + (a.device || "") + ")" };
        }
        a.checked_in_at = new Date().toISOString(); a.device = device;
        save(listKey, list);
        return { ok: true, text: T.tOfflineOk.replace("{name}", a.name).replace("{party}", a.party) };
      })
      .catch(function () { return { ok: false, text: T.tInvalid }; });
  }

  function redeem(token) {
    var n = nonce(), item = { token: token, nonce: n, device: device, at: new Date().toISOString() };
    var prev = lastNonce;
    lastNonce = n; document.getElementById("undo").disabled = false;
    // a welcome again checked nobody in: "undo" still means the check-in before it
    function noNewCheckIn() { if (lastNonce === n) { lastNonce = prev; document.getElementById("undo").disabled = !prev; } }
    return post("/redeem", item)
      .then(function (a) { online = true; if (a.result === "welcome_again") noNewCheckIn(); show(a.ok, a.message, a.note); refresh(false); })
      .catch(function (e) {
        // locked out or a definite refusal: no check-in on this device's own authority
        if (e.status === 403 || definite(e)) { failed(e); return; }
        // no connection or the server cannot answer now (5xx): check offline, keep the scan
        online = false;
        return verifyOffline(token).then(function (r) {
          if (r.again) noNewCheckIn();
          else if (r.ok) { var q = load(queueKey, []); q.push(item); save(queueKey, q); }
          show(r.ok, r.text, r.note); banner();
        });
      });
  }

  // A queued check-in leaves the queue only with a verdict from the server (or a definite
  // refusal, logged); on 403, 5xx or no connection it stays for the next round.
  function sync() {
    var q = load(queueKey, []);
    if (!q.length) return Promise.resolve();
    var item = q[0];
    function done() { save(queueKey, load(queueKey, []).filter(function (x) { return x.nonce !== item.nonce; })); banner(); return sync(); }
    return post("/redeem", item).then(function (a) {
      online = true; locked(false);
      if (!a.ok && a.result === "already" && a.device !== item.device) log(T.tConflict.replace("{name}", a.name || "").replace("{device}", a.device || ""));
      return done();
    }).catch(function (e) {
      if (e.status === 403) { locked(true); banner(); return; }
      if (definite(e)) { log(e.message); return done(); }
      online = false; banner();
    });
  }

  // ---- camera
  var video = document.getElementById("camera"), canvas = document.getElementById("frame"), g = canvas.getContext("2d", { willReadFrequently: true });
  function tick() {
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth; canvas.height = video.videoHeight;
      g.drawImage(video, 0, 0, canvas.width, canvas.height);
      var img = g.getImageData(0, 0, canvas.width, canvas.height);
      var code = window.jsQR && jsQR(img.data, img.width, img.height, { inversionAttempts: "dontInvert" });
      // A ticket held in front of the camera is sent once, however long it stays there;
      // only after it was out of sight for a few seconds is it sent again.
      if (code && code.data) {
        var held = code.data === lastCode && Date.now() - lastCodeAt < 4000;
        lastCode = code.data; lastCodeAt = Date.now();
        if (!held) redeem(code.data);
      }
    }
    setTimeout(tick, 150);
  }
  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (s) { video.srcObject = s; return video.play(); })
      .then(tick)
      .catch(function () { log(T.tCamera); });
  }

  // ---- search, one tap, undo, walk-ins
  document.getElementById("search-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var q = document.getElementById("search-q").value.trim(), ul = document.getElementById("search-results");
    ul.innerHTML = "";
    fetch(api + "/search?q=" + encodeURIComponent(q), { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (list) {
      list.forEach(function (a) {
        var li = document.createElement("li"), who = document.createElement("span"), b = document.createElement("button");
        var status = { confirmed: T.tStatusConfirmed, unconfirmed: T.tStatusUnconfirmed, waiting: T.tStatusWaiting, cancelled: T.tStatusCancelled }[a.status] || a.status;
        // every row has a "let in" button: each one names its person for screen readers
        who.id = "found-" + a.registration_id;
        who.textContent = a.name + " (" + a.party + ") – " + status + (a.checked_in_at ? " ✓" : "") + ((a.needs || []).length ? " – " + a.needs.join("; ") : "") + " ";
        li.appendChild(who);
        b.type = "button"; b.textContent = T.tLetIn; b.setAttribute("aria-describedby", who.id);
        b.addEventListener("click", function () {
          var n = nonce(); lastNonce = n; document.getElementById("undo").disabled = false;
          post("/manual", { registration_id: a.registration_id, nonce: n, device: device }).then(function (r) { show(r.ok, r.message, r.note); refresh(false); }, failed);
        });
        li.appendChild(b); ul.appendChild(li);
      });
    });
  });
  document.getElementById("undo").addEventListener("click", function () {
    if (!lastNonce) return;
    post("/undo", { nonce: lastNonce }).then(function () { lastNonce = null; document.getElementById("undo").disabled = true; refresh(true); }, failed);
  });
  document.getElementById("walkin-form").addEventListener("submit", function (e) {
    e.preventDefault();
    post("/walk-in", {
      name: document.getElementById("walkin-name").value,
      companions: parseInt(document.getElementById("walkin-companions").value || "0", 10),
      override_capacity: document.getElementById("walkin-override").checked, device: device
    }).then(function (r) { show(!!r.ok, r.message); refresh(true); }, failed);
  });

  // ---- the kept list goes after the meeting; the page itself works offline
  var kept = load(listKey, null);
  if (kept && kept.keep_until && new Date(kept.keep_until) < new Date()) { localStorage.removeItem(listKey); localStorage.removeItem(queueKey); }
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/checkin/sw.js", { scope: "/checkin/" }).catch(function () {});
  window.addEventListener("online", function () { refresh(false).then(sync); });
  window.addEventListener("offline", function () { online = false; banner(); });
  refresh(true).then(sync);
  setInterval(function () { refresh(false).then(sync); }, 3000);
  setInterval(function () { refresh(true); }, 30000);
  banner();
})();
