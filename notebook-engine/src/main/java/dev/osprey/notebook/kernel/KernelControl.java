package dev.osprey.notebook.kernel;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.Field;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import jdk.jshell.execution.JdiExecutionControl;
import jdk.jshell.execution.RemoteExecutionControl;

/**
 * The host end of the execution protocol. Commands go over the socket (JShell's streaming
 * protocol); stopping a snippet goes over JDI, the way the JDK's own JDI control does it: find
 * the thread inside {@link RemoteExecutionControl#invoke}, flag that a stop is expected, and
 * throw the agent's own stop exception into that thread. (The JDK's class that does this is not
 * public, hence this one.)
 */
final class KernelControl extends JdiExecutionControl {
    private static final String AGENT = RemoteExecutionControl.class.getName();

    private final Object stopLock = new Object();
    private final Socket socket;
    private VirtualMachine vm;
    private Process process;
    private boolean userCodeRunning;

    KernelControl(ObjectOutput out, ObjectInput in, VirtualMachine vm, Process process, Socket socket) {
        super(out, in);
        this.vm = vm;
        this.process = process;
        this.socket = socket;
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        synchronized (stopLock) {
            userCodeRunning = true;
        }
        try {
            return super.invoke(className, methodName);
        } finally {
            synchronized (stopLock) {
                userCodeRunning = false;
            }
        }
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        synchronized (stopLock) {
            if (!userCodeRunning) {
                return;
            }
            VirtualMachine machine = vm();
            machine.suspend();
            try {
                for (ThreadReference thread : machine.allThreads()) {
                    if (stopIfRunningSnippet(machine, thread)) {
                        return;
                    }
                }
            } catch (Exception e) {
                throw new InternalException("could not stop the cell: " + e);
            } finally {
                machine.resume();
            }
        }
    }

    private static boolean stopIfRunningSnippet(VirtualMachine machine, ThreadReference thread) throws Exception {
        for (StackFrame frame : thread.frames()) {
            String method = frame.location().method().name();
            if (!AGENT.equals(frame.location().declaringType().name())
                    || !(method.equals("invoke") || method.equals("varValue"))) {
                continue;
            }
            ObjectReference agent = frame.thisObject();
            Field inClientCode = agent.referenceType().fieldByName("inClientCode");
            Field expectingStop = agent.referenceType().fieldByName("expectingStop");
            Field stopException = agent.referenceType().fieldByName("stopException");
            if (((BooleanValue) agent.getValue(inClientCode)).value()) {
                agent.setValue(expectingStop, machine.mirrorOf(true));
                ObjectReference stop = (ObjectReference) agent.getValue(stopException);
                machine.resume();
                thread.stop(stop);
                agent.setValue(expectingStop, machine.mirrorOf(false));
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        super.close();
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p != null) {
            try {
                // the agent ends by itself when the socket closes; give it a moment, then insist
                p.waitFor(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dispose();
    }

    /** Ends the kernel JVM now, without asking (restart, shutdown, a cell that ignores interrupts). */
    void kill() {
        dispose();
    }

    private synchronized void dispose() {
        try {
            if (vm != null) {
                vm.dispose();
            }
        } catch (VMDisconnectedException gone) {
            // already gone: that is what we wanted
        } catch (RuntimeException e) {
            // disposing a dying VM can fail in many ways; the process is destroyed below anyway
        } finally {
            vm = null;
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // closing to unblock readers; nothing to recover
            }
            if (process != null) {
                process.destroyForcibly();
                process = null;
            }
        }
    }

    @Override
    protected synchronized VirtualMachine vm() throws EngineTerminationException {
        if (vm == null) {
            throw new EngineTerminationException("the kernel is closed");
        }
        return vm;
    }
}
