import { Route, Routes } from 'react-router';
import { Layout } from './components/layout.tsx';
import { HomePage } from './pages/home-page.tsx';
import { DirectoryPage } from './pages/directory-page.tsx';
import { OrganizationPage } from './pages/organization-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';

// The server answers index.html for every page path, so these routes decide what a path shows.
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="directory" element={<DirectoryPage />} />
        <Route path="organizations/:id" element={<OrganizationPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
