/** Entry of the `company` resource (jira:globalPage). */
import { CompanyPanelView } from '../panels/company/company-panel';
import { mountPanel } from './mount';

mountPanel('Company OKRs', (context) => <CompanyPanelView context={context} />);
