import { NotFoundMessage } from "./_components/not-found-message";

export default function SiteNotFound() {
  return <NotFoundMessage />;
}
