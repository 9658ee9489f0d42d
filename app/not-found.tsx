import { NotFoundMessage } from "./(site)/_components/not-found-message";
import { SiteFooter } from "./(site)/_components/site-footer";
import { SiteHeader } from "./(site)/_components/site-header";

// For URLs no route matches. It is prerendered at build time, when there may be no database,
// so its header carries no section links and its footer no page links.
export default function NotFound() {
  return (
    <>
      <SiteHeader sections={[]} />
      <main id="main" className="site-main">
        <NotFoundMessage />
      </main>
      <SiteFooter pages={[]} />
    </>
  );
}
