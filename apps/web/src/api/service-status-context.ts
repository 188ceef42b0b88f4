import { createContext, useContext } from 'react';
import { createServiceStatus, type ServiceStatus } from './service-status.js';

export const ServiceStatusContext = createContext<ServiceStatus>(createServiceStatus());

export const useServiceStatus = () => useContext(ServiceStatusContext);
