/** Entry of the `admin` resource (jira:adminPage). */
import { AdminPanelView } from '../panels/admin/admin-panel';
import { mountPanel } from './mount';

mountPanel('OKR settings', () => <AdminPanelView />);
