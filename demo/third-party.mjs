// The demo's "ad network and social network": a second site on loopback that serves a tag, a
// pixel, a video embed and a like button, and logs every request so the demo can show which
// third-party requests really happened. It is reached as `localhost` while the demo itself is
// `127.0.0.1`: another host name, so another site with its own cookie jar, as a real third party
// is (the same host on another port would share the demo's cookies and "site").
//
// Each demo page view reaches it under its own prefix, `/pv/<page view id>/ads.js`, so the status
// panel shows what this page view loaded, not what earlier ones did (which, after "forget my
// choice" and "Reject all", would look like a leak).
import http from 'node:http';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const pages = {
  '/ads.js': {
    type: 'text/javascript',
    body: `(function () {
  document.cookie = 'demo_ad_id=' + Math.random().toString(36).slice(2) + '; path=/; max-age=2592000; SameSite=Lax';
  var slot = document.getElementById('ad-slot');
  if (slot) { slot.textContent = 'Advertisement: this box was filled by the ad network script.'; slot.classList.add('filled'); }
})();`,
  },
  '/analytics.js': {
    type: 'text/javascript',
    body: `document.cookie = 'demo_stats=' + Date.now() + '; path=/; max-age=2592000; SameSite=Lax';`,
  },
  '/embed.html': {
    type: 'text/html',
    body: `<!doctype html><html lang="en"><title>Video</title><body style="margin:0;display:grid;place-items:center;height:100vh;background:#111;color:#fff;font:16px system-ui">
<p>▶ Video player from the video network</p></body></html>`,
  },
  '/like.html': {
    type: 'text/html',
    body: `<!doctype html><html lang="en"><title>Like</title><body style="margin:0;font:14px system-ui"><button type="button">👍 Like 1.2k</button></body></html>`,
  },
};

/** Listens on `host`; resolves to the port, or null when the address does not exist here. */
function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const fail = (error) => {
      server.off('listening', done);
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT') resolve(null);
      else reject(error);
    };
    const done = () => {
      server.off('error', fail);
      resolve(server.address().port);
    };
    server.once('error', fail);
    server.once('listening', done);
    server.listen(port, host);
  });
}

/**
 * Starts the third-party server on both loopback addresses (`localhost` may resolve to either);
 * returns its origin `http://localhost:<port>`, its request log and a close function.
 */
export async function startThirdParty({ port = 0, hostname = 'localhost' } = {}) {
  const log = [];
  const handler = (request, response) => {
    const url = new URL(request.url, 'http://x');
    if (url.pathname === '/requests') {
      response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
      response.end(JSON.stringify(log));
      return;
    }
    const [, pageView, pathname] = /^\/pv\/([\w-]{1,64})(\/.*)$/.exec(url.pathname) ?? [null, null, url.pathname];
    log.push({ path: pathname, time: Date.now(), pageView });
    if (pathname === '/pixel.gif') {
      response.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'no-store' });
      response.end(GIF);
      return;
    }
    const page = Object.prototype.hasOwnProperty.call(pages, pathname) ? pages[pathname] : undefined;
    if (!page) {
      response.writeHead(404, { 'cache-control': 'no-store' });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': `${page.type}; charset=utf-8`, 'cache-control': 'no-store' });
    response.end(page.body);
  };
  const ipv4 = http.createServer(handler);
  const actual = await listen(ipv4, port, '127.0.0.1');
  // The same port on ::1, when this machine has IPv6 loopback.
  const ipv6 = http.createServer(handler);
  const servers = (await listen(ipv6, actual, '::1')) === null ? [ipv4] : [ipv4, ipv6];
  return {
    origin: `http://${hostname}:${actual}`,
    log,
    close: () => Promise.all(servers.map((server) => new Promise((done) => server.close(done)))),
  };
}
