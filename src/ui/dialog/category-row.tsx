/**
 * One category in the preferences dialog: its name, a switch (or "Always active" for necessary:
 * text, not a disabled control, since strictly necessary storage needs no consent under ePrivacy
 * Art. 5(3) and a control that cannot be operated only confuses, WCAG 4.1.2), its description,
 * and an expandable list of its cookies and partners.
 */
import { categoryText } from '../../i18n/texts';
import type { UiContext } from '../context';
import { displayName } from '../cookie-rows';

export interface CategoryRowProps {
  ui: UiContext;
  id: string;
  checked: boolean;
  onToggle: (id: string) => void;
  /** Providers of declared cookies by name, when known. */
  providers: Record<string, string>;
}

export function CategoryRow({ ui, id, checked, onToggle, providers }: CategoryRowProps) {
  const { config, texts } = ui;
  const { label, description } = categoryText(texts, config, id);
  const category = config.categories.find((c) => c.id === id)!;
  const labelId = `cg-label-${id}`;
  const descriptionId = `cg-desc-${id}`;
  const hasDetails = category.cookies.length > 0 || category.vendors.length > 0;

  return (
    <li class="category">
      <div class="category-head">
        <h3 class="category-name" id={labelId}>
          {label}
        </h3>
        {id === 'necessary' ? (
          <span class="always">{texts.alwaysActive}</span>
        ) : (
          <button
            type="button"
            role="switch"
            class="switch"
            data-cg="toggle"
            data-category={id}
            aria-checked={checked ? 'true' : 'false'}
            aria-labelledby={labelId}
            aria-describedby={descriptionId}
            onClick={() => onToggle(id)}
          >
            <span class="thumb" />
          </button>
        )}
      </div>
      <p class="category-text" id={descriptionId}>
        {description}
      </p>
      {hasDetails && (
        <details class="details">
          <summary>{texts.details}</summary>
          <ul>
            {category.cookies.map((cookie) => (
              <li key={cookie.name}>
                <code>{displayName(cookie.name)}</code>
                {[cookie.provider ?? providers[cookie.name], cookie.purpose, cookie.lifetime].filter(Boolean).map((part) => ` · ${part}`)}
              </li>
            ))}
            {category.vendors.map((vendor) => (
              <li key={vendor.name}>
                {vendor.privacyUrl ? (
                  <a href={vendor.privacyUrl} rel="noopener noreferrer" target="_blank">
                    {vendor.name}
                  </a>
                ) : (
                  vendor.name
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
