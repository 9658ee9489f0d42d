import { MAX_QUERY_LENGTH } from "@/lib/search/query";

/**
 * The reader's search form: a plain GET to /search, so it works without JavaScript and every
 * search has its own address. `label` names the landmark when a page has more than one.
 */
export function SearchBox({ label = "البحث في الموقع", defaultValue }: { label?: string; defaultValue?: string }) {
  return (
    <form role="search" aria-label={label} action="/search" method="get" className="search-box">
      <label className="search-box-field">
        <span className="visually-hidden">ابحث في الأخبار</span>
        <input
          type="search"
          name="q"
          defaultValue={defaultValue}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          enterKeyHint="search"
          dir="auto"
        />
      </label>
      <button type="submit" className="button search-box-button">
        بحث
      </button>
    </form>
  );
}
