import { OptionsApp } from '../../components/options/OptionsApp';
import { renderPage } from '../../components/render-page';
import '../../components/pack.css';
import '../../components/options/options.css';

renderPage(<OptionsApp />, 'options_title');
