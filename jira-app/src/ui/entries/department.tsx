/** Entry of the `department` resource (jira:projectPage). */
import { DepartmentPanelView } from '../panels/department/department-panel';
import { mountPanel } from './mount';

mountPanel('Department OKRs', (context) => <DepartmentPanelView context={context} />);
