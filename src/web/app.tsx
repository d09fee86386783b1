import { Route, Routes } from 'react-router';
import { Layout } from './components/layout.tsx';
import { HomePage } from './pages/home-page.tsx';
import { DirectoryPage } from './pages/directory-page.tsx';
import { OrganizationPage } from './pages/organization-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { ForgotPasswordPage } from './pages/forgot-password-page.tsx';
import { ChoosePasswordPage } from './pages/choose-password-page.tsx';
import { AccountPage } from './pages/account-page.tsx';
import { TwoStepPage } from './pages/two-step-page.tsx';
import { AdminHomePage } from './pages/admin/admin-home-page.tsx';
import { UsersPage } from './pages/admin/users-page.tsx';
import { InviteUserPage } from './pages/admin/invite-user-page.tsx';
import { AuditPage } from './pages/admin/audit-page.tsx';
import { AdminOrganizationsPage, NewOrganizationPage } from './pages/admin/organizations-page.tsx';
import { OrganizationEditPage } from './pages/admin/organization-edit-page.tsx';
import { NewClientPage } from './pages/clients/new-client-page.tsx';
import { ClientPage } from './pages/clients/client-page.tsx';
import { SummaryPage } from './pages/clients/summary-page.tsx';
import { TimelinePage } from './pages/clients/timeline-page.tsx';
import { PlanPage } from './pages/clients/plan-page.tsx';
import { NotesPage } from './pages/clients/notes-page.tsx';
import { TeamPage } from './pages/clients/team-page.tsx';
import { TasksPage } from './pages/clients/tasks-page.tsx';
import { AttachmentsPage } from './pages/clients/attachments-page.tsx';
import { TransfersPage } from './pages/clients/transfers-page.tsx';
import { ReviewsPage } from './pages/clients/reviews-page.tsx';
import { EditClientPage } from './pages/clients/edit-client-page.tsx';
import { ManagePage } from './pages/clients/manage-page.tsx';
import { CaseloadPage } from './pages/caseload/caseload-page.tsx';
import { HandoverPage } from './pages/caseload/handover-page.tsx';
import { MyTasksPage } from './pages/tasks/my-tasks-page.tsx';
import { NotificationsPage } from './pages/notifications/notifications-page.tsx';
import { AccessRequestsPage } from './pages/access-requests/access-requests-page.tsx';
import { AgencyTransfersPage } from './pages/transfers/agency-transfers-page.tsx';
import { ReferralsPage } from './pages/referrals/referrals-page.tsx';
import { ReferralPage } from './pages/referrals/referral-page.tsx';
import { ClientReferralsPage } from './pages/clients/referrals-page.tsx';
import { ClientJobsPage } from './pages/clients/jobs-page.tsx';
import { JobsPage } from './pages/jobs/jobs-page.tsx';
import { EmployersPage } from './pages/employers/employers-page.tsx';
import { EmployerPage } from './pages/employers/employer-page.tsx';
import { NewEmployerPage } from './pages/employers/new-employer-page.tsx';
import { EditEmployerPage } from './pages/employers/edit-employer-page.tsx';
import { JobPage } from './pages/jobs/job-page.tsx';
import { JobEditPage, JobFormPage } from './pages/jobs/job-form-page.tsx';
import { EventsPage } from './pages/events/events-page.tsx';
import { EditEventPage, NewEventPage } from './pages/events/new-event-page.tsx';
import { EventPage } from './pages/events/event-page.tsx';
import { PlacementsPage } from './pages/placements/placements-page.tsx';
import { PlacementPage } from './pages/placements/placement-page.tsx';
import { MyFilePage } from './pages/my-file/my-file-page.tsx';
import { WorkPage } from './pages/work/work-page.tsx';
import { AssessmentReportPage } from './pages/reports/assessment-report-page.tsx';
import { LandscapePage } from './pages/reports/landscape-page.tsx';
import { ServicesPage } from './pages/services/services-page.tsx';
import { ServicePage } from './pages/services/service-page.tsx';

// The server answers index.html for every page path, so these routes decide what a path shows.
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="directory" element={<DirectoryPage />} />
        <Route path="organizations/:id" element={<OrganizationPage />} />
        <Route path="services" element={<ServicesPage />} />
        <Route path="services/:id" element={<ServicePage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ChoosePasswordPage key="reset" mode="reset" />} />
        <Route path="accept-invitation" element={<ChoosePasswordPage key="invitation" mode="invitation" />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="account/two-step" element={<TwoStepPage />} />
        <Route path="admin" element={<AdminHomePage />} />
        <Route path="admin/users" element={<UsersPage />} />
        <Route path="admin/users/invite" element={<InviteUserPage />} />
        <Route path="admin/audit" element={<AuditPage />} />
        <Route path="admin/organizations" element={<AdminOrganizationsPage />} />
        <Route path="admin/organizations/new" element={<NewOrganizationPage />} />
        <Route path="admin/organizations/:id" element={<OrganizationEditPage />} />
        <Route path="clients/new" element={<NewClientPage />} />
        <Route path="clients/:id" element={<ClientPage />} />
        <Route path="clients/:id/summary" element={<SummaryPage />} />
        <Route path="clients/:id/timeline" element={<TimelinePage />} />
        <Route path="clients/:id/plan" element={<PlanPage />} />
        <Route path="clients/:id/notes" element={<NotesPage />} />
        <Route path="clients/:id/team" element={<TeamPage />} />
        <Route path="clients/:id/tasks" element={<TasksPage />} />
        <Route path="clients/:id/attachments" element={<AttachmentsPage />} />
        <Route path="clients/:id/transfers" element={<TransfersPage />} />
        <Route path="clients/:id/referrals" element={<ClientReferralsPage />} />
        <Route path="clients/:id/jobs" element={<ClientJobsPage />} />
        <Route path="clients/:id/reviews" element={<ReviewsPage />} />
        <Route path="clients/:id/edit" element={<EditClientPage />} />
        <Route path="clients/:id/manage" element={<ManagePage />} />
        <Route path="work" element={<WorkPage />} />
        <Route path="caseload" element={<CaseloadPage />} />
        <Route path="caseload/handover" element={<HandoverPage />} />
        <Route path="tasks" element={<MyTasksPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="access-requests" element={<AccessRequestsPage />} />
        <Route path="transfers" element={<AgencyTransfersPage />} />
        <Route path="referrals" element={<ReferralsPage />} />
        <Route path="referrals/:id" element={<ReferralPage />} />
        <Route path="employers" element={<EmployersPage />} />
        <Route path="employers/new" element={<NewEmployerPage />} />
        <Route path="employers/:id" element={<EmployerPage />} />
        <Route path="employers/:id/edit" element={<EditEmployerPage />} />
        <Route path="jobs" element={<JobsPage />} />
        <Route path="jobs/new" element={<JobFormPage />} />
        <Route path="jobs/:id" element={<JobPage />} />
        <Route path="jobs/:id/edit" element={<JobEditPage />} />
        <Route path="placements" element={<PlacementsPage />} />
        <Route path="placements/:id" element={<PlacementPage />} />
        <Route path="events" element={<EventsPage />} />
        <Route path="events/new" element={<NewEventPage />} />
        <Route path="events/:id" element={<EventPage />} />
        <Route path="events/:id/edit" element={<EditEventPage />} />
        <Route path="my-file" element={<MyFilePage />} />
        <Route path="reports/assessments" element={<AssessmentReportPage />} />
        <Route path="reports/landscape" element={<LandscapePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
