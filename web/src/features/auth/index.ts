export { LoginPage } from './login-page';
export { LogoutButton } from './logout-button';
