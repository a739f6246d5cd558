import { EditorPage } from "./pages/EditorPage";
import { Landing } from "./pages/Landing";
import { LinkPage } from "./pages/LinkPage";
import { LinkDone, LinkError, NotFound } from "./pages/LinkResult";
import { Privacy } from "./pages/Privacy";
import { Terms } from "./pages/Terms";

interface Props {
  pathname?: string;
  search?: string;
}

/** The whole router: each page is a full page load, so the path decides once. */
export function App({ pathname = window.location.pathname, search = window.location.search }: Props) {
  const params = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, "") || "/";
  switch (path) {
    case "/":
      return <Landing />;
    case "/link":
      return <LinkPage token={params.get("token")} />;
    case "/link/done":
      return <LinkDone login={params.get("streamer")} name={params.get("name")} />;
    case "/link/error":
      return <LinkError reason={params.get("reason")} />;
    case "/editor":
      return <EditorPage token={params.get("token")} />;
    case "/privacy":
      return <Privacy />;
    case "/terms":
      return <Terms />;
    default:
      return <NotFound />;
  }
}
