namespace Quality.Intake.Features.ClassifierModels;

public enum ClassifierModelStatus
{
    Queued,
    Training,
    Ready,
    Failed,
}
