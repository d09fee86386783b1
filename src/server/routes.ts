import type { AppInstance } from './app.ts';
import { systemRoutes } from '../domain/system/system.routes.ts';
import { organizationRoutes } from '../domain/organizations/organization.routes.ts';
import { accountRoutes } from '../domain/accounts/account.routes.ts';
import { userRoutes } from '../domain/accounts/user.routes.ts';
import { auditRoutes } from '../domain/audit/audit.routes.ts';
import { clientRoutes } from '../domain/clients/client.routes.ts';
import { clientViewRoutes } from '../domain/client-views/client-view.routes.ts';
import { consentRoutes } from '../domain/consent/consent.routes.ts';
import { assessmentRoutes } from '../domain/assessment/assessment.routes.ts';
import { occupationRoutes } from '../domain/occupations/occupation.routes.ts';
import { caseTeamRoutes } from '../domain/case-team/case-team.routes.ts';
import { noteRoutes } from '../domain/notes/note.routes.ts';
import { taskRoutes } from '../domain/tasks/task.routes.ts';
import { caseloadRoutes } from '../domain/caseload/caseload.routes.ts';
import { notificationRoutes } from '../domain/notifications/notification.routes.ts';
import { planRoutes } from '../domain/plans/plan.routes.ts';
import { transferRoutes } from '../domain/transfers/transfer.routes.ts';
import { referralRoutes } from '../domain/referrals/referral.routes.ts';
import { reportRoutes } from '../domain/reporting/assessment-report.routes.ts';
import { industryRoutes } from '../domain/industries/industry.routes.ts';
import { serviceRoutes } from '../domain/directory/service.routes.ts';
import { hsdsRoutes } from '../domain/directory/hsds.routes.ts';

// The route table: every module's routes, in one place.
export function registerRoutes(app: AppInstance): void {
  systemRoutes(app);
  organizationRoutes(app);
  accountRoutes(app);
  userRoutes(app);
  auditRoutes(app);
  clientRoutes(app);
  clientViewRoutes(app);
  consentRoutes(app);
  assessmentRoutes(app);
  occupationRoutes(app);
  caseTeamRoutes(app);
  noteRoutes(app);
  taskRoutes(app);
  caseloadRoutes(app);
  notificationRoutes(app);
  planRoutes(app);
  transferRoutes(app);
  referralRoutes(app);
  reportRoutes(app);
  industryRoutes(app);
  serviceRoutes(app);
  hsdsRoutes(app);
}
