import { site } from "@/lib/site";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="site-name-small">{site.name}</p>
        <p>{site.description}</p>
      </div>
    </footer>
  );
}
