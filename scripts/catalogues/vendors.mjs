// Builds the vendor catalogue from third-party-web's entities and data/vendor-overrides.json.
// Pure: takes parsed inputs, returns rows and the compact browser string, so the generator and
// its test share one code path.

/** One letter per consent category in the compact strings (the cookie catalogue's letters plus n). */
export const LETTER = { necessary: 'n', functional: 'f', analytics: 'a', advertising: 'd', social: 's' };

const IP = /^[\d.]+$|:/;

/** `host` or `host/path…` split into its parts; the path keeps its leading slash. */
export function splitRule(rule) {
  const slash = rule.indexOf('/');
  return slash < 0 ? { host: rule, path: '' } : { host: rule.slice(0, slash), path: rule.slice(slash) };
}

function byText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkCategory(category, where) {
  if (!(category in LETTER)) throw new Error(`${where}: unknown consent category "${category}"`);
  return category;
}

/**
 * Maps third-party-web entities to consent rows. Each domain `*.example.com` becomes the host
 * `example.com` (subdomains match at lookup), except on shared CDNs where only specific hosts stay.
 */
function entityRows(entities, overrides) {
  const shared = new Set(overrides.sharedHosts.list);
  const map = overrides.categoryMap.map;
  const rows = new Map();
  // Most-seen first, so a host listed by two entities goes to the one seen on more pages.
  const sorted = [...entities].sort(
    (a, b) => (b.totalOccurrences ?? 0) - (a.totalOccurrences ?? 0) || byText(a.name, b.name),
  );
  for (const entity of sorted) {
    const override = overrides.entities[entity.name];
    if (override?.exclude) continue;
    const category = override?.category ?? map[entity.category];
    if (!category) continue;
    checkCategory(category, `entity ${entity.name}`);
    const browser =
      Boolean(override?.browser) || (entity.totalOccurrences ?? 0) >= overrides.browser.minOccurrences;
    for (const domain of entity.domains) {
      const wildcard = domain.startsWith('*.');
      const host = (wildcard ? domain.slice(2) : domain).toLowerCase();
      if (IP.test(host) || (wildcard && shared.has(host)) || rows.has(host)) continue;
      rows.set(host, {
        host,
        path: '',
        vendor: override?.vendor ?? entity.name,
        category,
        source: 'third-party-web',
        entity: entity.name,
        entityCategory: entity.category,
        browser,
        ...(override?.reason ? { reason: override.reason } : {}),
      });
    }
  }
  return rows;
}

/** Applies host and host-plus-path overrides on top of the entity rows. */
function applyHostOverrides(rows, overrides) {
  for (const [rule, override] of Object.entries(overrides.hosts)) {
    if (!override.reason) throw new Error(`hosts.${rule}: every override needs a reason`);
    const { host, path } = splitRule(rule);
    const before = rows.get(rule);
    if (override.exclude) {
      if (!before) throw new Error(`hosts.${rule}: excludes a host third-party-web does not list`);
      rows.delete(rule);
      continue;
    }
    rows.set(rule, {
      host,
      path,
      vendor: override.vendor,
      category: checkCategory(override.category, `hosts.${rule}`),
      source: 'override',
      ...(before ? { entity: before.entity, entityCategory: before.entityCategory } : {}),
      browser: Boolean(override.browser) || Boolean(before?.browser),
      reason: override.reason,
    });
  }
}

/**
 * The compact browser string: `#Vendor` opens a vendor's block; each other line is a category
 * letter followed by space-separated rules (`host` or `host/path`).
 */
export function encodeVendors(rows) {
  const vendors = new Map();
  for (const row of rows) {
    const key = `${row.vendor}\n${LETTER[row.category]}`;
    if (!vendors.has(key)) vendors.set(key, []);
    vendors.get(key).push(row.host + row.path);
  }
  const lines = [];
  let current;
  for (const key of [...vendors.keys()].sort(byText)) {
    const [vendor, letter] = key.split('\n');
    if (vendor !== current) lines.push(`#${vendor}`);
    current = vendor;
    lines.push(letter + vendors.get(key).sort(byText).join(' '));
  }
  return lines.join('\n');
}

/**
 * Every vendor row (sorted by host, then path) and the compact string of the browser subset.
 * @param {{ entities: object[], overrides: object }} input
 */
export function buildVendors({ entities, overrides }) {
  for (const [name, override] of Object.entries(overrides.entities)) {
    if (!override.reason) throw new Error(`entities.${name}: every override needs a reason`);
    if (!entities.some((entity) => entity.name === name)) throw new Error(`entities.${name}: not in third-party-web`);
  }
  const rows = entityRows(entities, overrides);
  applyHostOverrides(rows, overrides);
  const all = [...rows.values()].sort((a, b) => byText(a.host, b.host) || byText(a.path, b.path));
  return { rows: all, compact: encodeVendors(all.filter((row) => row.browser)) };
}
